export {
  importActivities,
  type ImportOptions,
  type ImportSummary,
  type LineOutcome,
  type LineResult,
} from './activity-import/activity-importer';
export { activityIdFor } from './activity-import/activity-line';
export {
  countRecords,
  IMPORT_FORMATS,
  readImportFile,
  type ImportFormat,
  type SourceRecord,
} from './activity-import/import-file';
export { formatDuration, ImportProgress } from './activity-import/import-progress';
export type { LineProblem, ProblemField } from './activity-import/line-problem';
