import { csvRows, type CsvRow } from './csv-rows';

/** The rows of a text as readline would hand its lines over (line breaks removed). */
async function rowsOf(text: string): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of csvRows(text.split(/\r\n|\n/))) rows.push(row);
  return rows;
}

const fieldsOf = async (text: string) => (await rowsOf(text)).map((r) => ('fields' in r ? r.fields : r.error));

describe('CSV rows (RFC 4180, streamed line by line)', () => {
  it('splits records on line breaks and fields on commas, keeping empty fields', async () => {
    expect(await fieldsOf('a,b,c\r\n1,,3\n,,')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '', ''],
    ]);
  });

  it('keeps commas inside quotes and turns doubled quotes into one', async () => {
    expect(await fieldsOf('"Sweden, then ""FCDO""",x\n"",""""')).toEqual([
      ['Sweden, then "FCDO"', 'x'],
      ['', '"'],
    ]);
  });

  it('reads a quoted field across line breaks as one record, numbered by the line it starts on', async () => {
    const rows = await rowsOf('id,text\n1,"first\n\nthird, with ""quotes"""\n2,plain');
    expect(rows).toEqual([
      { line: 1, fields: ['id', 'text'] },
      { line: 2, fields: ['1', 'first\n\nthird, with "quotes"'] },
      { line: 5, fields: ['2', 'plain'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as a character', async () => {
    expect(await fieldsOf('a 5" screen,b')).toEqual([['a 5" screen', 'b']]);
  });

  it('ignores a byte-order mark at the start of the file', async () => {
    expect(await fieldsOf('\ufeffid,name')).toEqual([['id', 'name']]);
  });

  it('reports text after a closing quote on its line and reads on from the next record', async () => {
    expect(await rowsOf('"a"b,c\nd,e')).toEqual([
      { line: 1, error: 'unexpected "b" after a closing quote', text: '"a"b,c' },
      { line: 2, fields: ['d', 'e'] },
    ]);
  });

  it('reports a quoted field left open at the end of the file on the line it began', async () => {
    const rows = await rowsOf('a,b\n1,"never\nclosed');
    expect(rows[1]).toEqual({ line: 2, error: 'a quoted field is never closed', text: 'never\nclosed' });
  });
});
