/** Written first, so spreadsheet programs read a CSV file as UTF-8 (accents, non-Latin names). */
export const CSV_BYTE_ORDER_MARK = '\uFEFF';

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV field (RFC 4180). A text a spreadsheet would run as a formula (=, +, -, @, tab or
 * carriage return first) gets a leading apostrophe, the usual guard against CSV injection; a
 * plain number such as -12.5 is no formula and stays a number.
 */
export function csvField(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record with its CRLF line end; null is an empty field. */
export const csvLine = (values: readonly (string | null)[]): string => `${values.map(csvField).join(',')}\r\n`;
