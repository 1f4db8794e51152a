import { CsvError, parseCsv, readCsvRecords } from './csv';

const fieldsOf = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv (RFC 4180)', () => {
  it('splits records on LF and CRLF and fields on commas', () => {
    expect(fieldsOf('a,b,c\n1,2,3\r\n4,5,6\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads the last record without a final line break, and keeps empty fields', () => {
    expect(fieldsOf('a,,c\n,,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('keeps commas and line breaks inside quotes, and turns doubled quotes into one', () => {
    const text = 'id,text\n1,"Sweden, then ""FCDO""\nand the Netherlands"\n2,plain\n';
    expect(fieldsOf(text)).toEqual([
      ['id', 'text'],
      ['1', 'Sweden, then "FCDO"\nand the Netherlands'],
      ['2', 'plain'],
    ]);
  });

  it('reads an empty quoted field and a field that is only a quote', () => {
    expect(fieldsOf('"",""""\n')).toEqual([['', '"']]);
  });

  it('numbers each record by the line it starts on, counting line breaks inside quotes', () => {
    expect(parseCsv('h\n"a\r\nb"\nc\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('ignores a byte-order mark', () => {
    expect(fieldsOf('\ufeffid,name\n1,x\n')[0]).toEqual(['id', 'name']);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a\n"never closed\n')).toThrow(new CsvError('line 2: a quoted field is never closed'));
    expect(() => parseCsv('a\n"x"y,z\n')).toThrow(new CsvError('line 2: unexpected "y" after a closing quote'));
  });
});

describe('readCsvRecords', () => {
  it('keys fields by the header and skips blank lines', () => {
    expect(readCsvRecords('code,name\nILO,"International Labour Organization"\n\nWFP,World Food Programme\n')).toEqual([
      { line: 2, fields: { code: 'ILO', name: 'International Labour Organization' } },
      { line: 4, fields: { code: 'WFP', name: 'World Food Programme' } },
    ]);
  });

  it('refuses a record with the wrong number of fields, naming the source and the line', () => {
    expect(() => readCsvRecords('a,b\n1,2\n1,2,3\n', 'table.csv')).toThrow(
      new CsvError('table.csv line 3: 3 fields, but the header has 2'),
    );
  });
});
