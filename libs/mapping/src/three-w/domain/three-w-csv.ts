import { THREE_W_COLUMNS, threeWFields, type ThreeWActivity } from './three-w-columns';

/**
 * One CSV field (RFC 4180). A text a spreadsheet would run as a formula (=, +, -, @ first) gets a
 * leading apostrophe, the usual guard against CSV injection; numbers and dates never start so.
 */
export function csvField(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (values: (string | null)[]): string => `${values.map(csvField).join(',')}\r\n`;

/** The header row and the HXL hashtag row. */
export const threeWCsvHead = (): string =>
  csvLine(THREE_W_COLUMNS.map((c) => c.header)) + csvLine(THREE_W_COLUMNS.map((c) => c.hxl));

export const threeWCsvLine = (activity: ThreeWActivity): string => csvLine(threeWFields(activity));
