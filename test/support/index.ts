export * from './databases';
export * from './kafka';
export * from './eventually';
export * from './test-app';
export * from './processes';
export * from './graphql';
export * from './pdf-render';
