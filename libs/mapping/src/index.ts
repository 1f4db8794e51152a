export * from './mapping.context';
export * from './who-does-what/domain/actor-matrix';
export * from './who-does-what/application/who-does-what.query';
