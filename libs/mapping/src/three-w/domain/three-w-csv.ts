import { csvLine } from '@concord/kernel';
import { THREE_W_COLUMNS, threeWFields, type ThreeWActivity } from './three-w-columns';

/** The header row and the HXL hashtag row. */
export const threeWCsvHead = (): string =>
  csvLine(THREE_W_COLUMNS.map((c) => c.header)) + csvLine(THREE_W_COLUMNS.map((c) => c.hxl));

export const threeWCsvLine = (activity: ThreeWActivity): string => csvLine(threeWFields(activity));
