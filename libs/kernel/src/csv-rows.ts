/** One CSV record and the line it starts on, or why the record could not be read. */
export type CsvRow = { line: number; fields: string[] } | { line: number; error: string; text: string };

/**
 * An RFC 4180 reader fed one physical line at a time (as readline yields them, line breaks
 * removed), so a file of any size streams through: fields are separated by commas; a field in
 * double quotes may hold commas, doubled quotes ("") and line breaks, and then one record spans
 * several lines. A line break inside quotes is read as "\n" whatever the file used. A quote
 * inside an unquoted field is kept as a character, as most spreadsheet programs write it.
 */
export class CsvRowReader {
  private fields: string[] = [];
  private field = '';
  /** Inside a quoted field, which may go on past the end of the line. */
  private quoted = false;
  private start = 0;

  /** Reads one line; returns the record it completes, if it completes one. */
  push(text: string, line: number): CsvRow | undefined {
    let i = 0;
    if (this.quoted) {
      this.field += '\n';
    } else {
      this.start = line;
      if (line === 1 && text.startsWith('\ufeff')) i = 1; // a byte-order mark is not data
      if (text[i] === '"') [this.quoted, i] = [true, i + 1];
    }
    for (;;) {
      if (this.quoted) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          this.field += text.slice(i);
          return undefined; // the field goes on on the next line
        }
        this.field += text.slice(i, close);
        if (text[close + 1] === '"') {
          this.field += '"';
          i = close + 2;
          continue;
        }
        this.quoted = false;
        i = close + 1;
        if (i < text.length && text[i] !== ',') {
          return this.fail(`unexpected ${JSON.stringify(text[i])} after a closing quote`, text);
        }
      } else {
        const comma = text.indexOf(',', i);
        const end = comma === -1 ? text.length : comma;
        this.field += text.slice(i, end);
        i = end;
      }
      this.fields.push(this.field);
      this.field = '';
      if (i >= text.length) return this.complete();
      i++; // past the comma
      if (text[i] === '"') [this.quoted, i] = [true, i + 1];
    }
  }

  /** At the end of the file: a quoted field still open is an error of the record it began. */
  end(): CsvRow | undefined {
    if (!this.quoted) return undefined;
    return this.fail('a quoted field is never closed', this.field);
  }

  private complete(): CsvRow {
    const row = { line: this.start, fields: this.fields };
    this.fields = [];
    return row;
  }

  /** The record is dropped and reading starts afresh on the next line. */
  private fail(error: string, text: string): CsvRow {
    this.fields = [];
    this.field = '';
    this.quoted = false;
    return { line: this.start, error, text };
  }
}

/** The records of a stream of lines (the first line is line 1). */
export async function* csvRows(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvRow> {
  const reader = new CsvRowReader();
  let line = 0;
  for await (const text of lines) {
    const row = reader.push(text, ++line);
    if (row) yield row;
  }
  const last = reader.end();
  if (last) yield last;
}
