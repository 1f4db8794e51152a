import { csvField, csvLine } from './csv-lines';

describe('CSV lines (RFC 4180, safe to open in a spreadsheet)', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('Cash transfers, "plus" services')).toBe('"Cash transfers, ""plus"" services"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes a text a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3+cmd')).toBe("'-2+3+cmd");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('2021-01-01')).toBe('2021-01-01');
  });

  it('writes null as an empty field and ends a record with CRLF', () => {
    expect(csvField(null)).toBe('');
    expect(csvLine(['a', null, 'b,c'])).toBe('a,,"b,c"\r\n');
  });
});
