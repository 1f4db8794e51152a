export * from './programming.context';
