/**
 * The demo tables, read whole with the kernel's RFC 4180 reader (the one imports stream with): a
 * table that does not parse is a defect of the bundled data, so it throws rather than reports.
 */
import { CsvRowReader } from '@concord/kernel';

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

/** A data record keyed by the header's column names, with the line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: Record<string, string>;
}

/** The records of `text` as arrays of fields, each with the line it starts on. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop(); // the final line break ends the last record, it starts none
  const reader = new CsvRowReader();
  const rows = [...lines.map((line, i) => reader.push(line, i + 1)), reader.end()];
  return rows
    .filter((row) => row !== undefined)
    .map((row) => {
      if ('error' in row) throw new CsvError(`line ${row.line}: ${row.error}`);
      return row;
    });
}

/**
 * The data records of a table whose first record is the header. A record with more or fewer
 * fields than the header is refused, naming its line, rather than read into the wrong columns.
 */
export function readCsvRecords(text: string, source = 'CSV'): CsvRecord[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new CsvError(`${source}: no header line`);
  return rows
    .filter((row) => !(row.fields.length === 1 && row.fields[0] === '')) // blank lines
    .map((row) => {
      if (row.fields.length !== header.fields.length) {
        throw new CsvError(
          `${source} line ${row.line}: ${row.fields.length} fields, but the header has ${header.fields.length}`,
        );
      }
      return { line: row.line, fields: Object.fromEntries(header.fields.map((name, i) => [name, row.fields[i]])) };
    });
}
