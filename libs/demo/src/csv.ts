/**
 * A small RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double
 * quotes may hold commas, line breaks and doubled quotes (""). The demo tables need nothing more,
 * so no CSV package is pulled in.
 */

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
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let pending = false; // whether anything of the current record has been read
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first field
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
    recordLine = line;
    pending = false;
  };
  while (i < text.length) {
    const char = text[i];
    pending = true;
    if (char === '"' && field === '') {
      const end = closingQuote(text, i + 1, line);
      field = text.slice(i + 1, end).replaceAll('""', '"');
      line += countLineBreaks(field);
      i = end + 1;
      if (i < text.length && !',\r\n'.includes(text[i])) {
        throw new CsvError(`line ${line}: unexpected ${JSON.stringify(text[i])} after a closing quote`);
      }
      continue;
    }
    if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else field += char;
    i++;
  }
  if (pending) endRecord();
  return records;
}

/** The index of the quote that closes a field opened just before `from`. */
function closingQuote(text: string, from: number, line: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] !== '"') return i;
    i++; // a doubled quote stands for one quote
  }
  throw new CsvError(`line ${line}: a quoted field is never closed`);
}

const countLineBreaks = (value: string) => value.match(/\r\n|\r|\n/g)?.length ?? 0;

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
