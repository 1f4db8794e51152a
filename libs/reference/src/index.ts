export * from './vocabularies';
export * from './reference-data';
