export * from './errors';
export * from './clock';
export * from './pagination';
export * from './decider';
export * from './name-based-id';
export * from './csv-rows';
export * from './iso-date';
export * from './concurrently';
