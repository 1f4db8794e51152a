export * from './demo-loader';
export * from './demo-report';
export * from './demo-on-start';
export { generateSyntheticData, type GenerateSummary } from './synthetic/generate';
export type { SyntheticOptions } from './synthetic/synthetic-data';
