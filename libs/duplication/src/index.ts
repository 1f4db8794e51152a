export * from './detector/domain/activity-profile';
export * from './detector/domain/detect';
export * from './detector/domain/detector.config';
export * from './detector/domain/pair-scoring';
export * from './evaluation/domain/pair-metrics';
export * from './detector/application/activity-profiles';
export * from './evaluation/application/labelled-set-evaluation';
