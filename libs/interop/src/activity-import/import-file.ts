import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { csvHeader, csvRecordOf } from './csv-activity';
import { csvRows, type CsvRow } from '@concord/kernel';
import { lineError, type LineProblem } from './line-problem';

export type ImportFormat = 'jsonl' | 'csv';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['jsonl', 'csv'];

/**
 * One record of an import file with the line it starts on: the parsed FORMAT.md object, or the
 * problem that kept it from being read (bad JSON, a CSV row of the wrong width). A warning about
 * the file as a whole (an unknown CSV column) comes as a problem of severity warning.
 */
export type SourceRecord = { line: number; record: unknown } | { line: number; problem: LineProblem };

const isBlank = (text: string) => text.trim() === '';

/** The file's lines, streamed: only the line in hand is in memory. */
function linesOf(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}

async function* jsonlRecords(lines: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  let line = 0;
  for await (const text of lines) {
    line++;
    if (isBlank(text)) continue;
    try {
      yield { line, record: JSON.parse(text) };
    } catch (error) {
      yield { line, problem: lineError(line, 'INVALID_JSON', text, `is not JSON: ${(error as Error).message}`) };
    }
  }
}

const isBlankRow = (row: CsvRow) => 'fields' in row && row.fields.every((f) => f.trim() === '');

async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  let columns: string[] | undefined;
  for await (const row of csvRows(lines)) {
    if ('error' in row) {
      yield { line: row.line, problem: lineError(row.line, 'INVALID_CSV', row.text, row.error) };
    } else if (!columns) {
      const header = csvHeader(row.fields);
      columns = header.columns;
      if (header.unknown.length) yield { line: row.line, problem: unknownColumns(row.line, header.unknown) };
    } else if (!isBlankRow(row)) {
      yield row.fields.length === columns.length
        ? { line: row.line, record: csvRecordOf(columns, row.fields) }
        : {
            line: row.line,
            problem: lineError(
              row.line,
              'FIELD_COUNT',
              row.fields.length,
              `has ${row.fields.length} fields but the header has ${columns.length} (is a comma in a text not quoted?)`,
            ),
          };
    }
  }
  if (!columns) throw new Error('the CSV file is empty: it needs a header line');
}

function unknownColumns(line: number, columns: string[]): LineProblem {
  const reason = 'is not a column of the activity format; its cells are ignored';
  return {
    line,
    severity: 'warning',
    code: 'UNKNOWN_COLUMN',
    message: `Unknown column${columns.length > 1 ? 's' : ''} ${columns.join(', ')}: ignored`,
    fields: columns.map((field) => ({ field, reason })),
  };
}

/** The records of an activity file in FORMAT.md's JSONL or the CSV with the same columns, streamed. */
export function readImportFile(path: string, format: ImportFormat): AsyncGenerator<SourceRecord> {
  return format === 'csv' ? csvRecords(linesOf(path)) : jsonlRecords(linesOf(path));
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const SPACE = new Set([0x09, 0x0d, 0x20]);

/**
 * How many records the file holds, for the progress bar's total: non-blank lines, where in CSV a
 * line break inside quotes does not count and the header is not a record. One pass over the bytes,
 * much faster than the import itself.
 */
export async function countRecords(path: string, format: ImportFormat): Promise<number> {
  let records = 0;
  let content = false;
  let quoted = false;
  for await (const chunk of createReadStream(path)) {
    for (const byte of chunk as Buffer) {
      // A doubled quote flips twice, so only the quotes that open and close a field count.
      if (byte === QUOTE && format === 'csv') quoted = !quoted;
      if (byte === NEWLINE && !quoted) {
        if (content) records++;
        content = false;
      } else if (!SPACE.has(byte)) content = true;
    }
  }
  if (content) records++;
  return format === 'csv' ? Math.max(0, records - 1) : records;
}
