import { ConcordError } from '@concord/kernel';
import { readRatesFile } from './exchange-rate-import';

const refusal = async (lines: string[]) => {
  try {
    await readRatesFile(lines);
  } catch (error) {
    expect(error).toBeInstanceOf(ConcordError);
    return (error as ConcordError).fields;
  }
  throw new Error('expected the file to be refused');
};

describe('Reading a rates file', () => {
  it('groups the rates by currency, with the line each came from', async () => {
    const rates = await readRatesFile([
      'currency,date,rate,source',
      'EUR,2024-01-02,0.9123,ECB reference rate',
      '',
      'XOF,2024-01-02,598.4,"UN operational rate, January"',
      'EUR,2024-02-01,0.925,ECB reference rate',
    ]);
    expect([...rates.keys()]).toEqual(['EUR', 'XOF']);
    expect(rates.get('EUR')).toEqual([
      { line: 2, rate: { on: '2024-01-02', rate: '0.9123', source: 'ECB reference rate' } },
      { line: 5, rate: { on: '2024-02-01', rate: '0.925', source: 'ECB reference rate' } },
    ]);
    expect(rates.get('XOF')![0].rate.source).toBe('UN operational rate, January');
  });

  it('names every bad line of the file by its line number and column', async () => {
    expect(
      await refusal([
        'currency,date,rate,source',
        'EUR,2024-01-02,0.91,ECB',
        'EUR,2024-13-01,0.91,ECB',
        'XYZ,2024-01-02,1.5,Somewhere',
        'GBP,2024-01-02,-0.8,BoE',
        'GBP,2024-01-03,0.8',
      ]),
    ).toEqual([
      { path: 'line 6: record', value: 'GBP,2024-01-03,0.8', message: 'must have 4 fields, as the header' },
      { path: 'line 3: date', value: '2024-13-01', message: 'must be a date written YYYY-MM-DD' },
      { path: 'line 4: currency', value: 'XYZ', message: 'is not an ISO 4217 currency code, e.g. EUR' },
      {
        path: 'line 5: rate',
        value: '-0.8',
        message: 'must be a number greater than zero with at most 10 decimals: units of the currency per USD',
      },
    ]);
  });

  it('takes the columns in any order and case, ignores others, and upper-cases currency codes', async () => {
    const rates = await readRatesFile(['Date,Source,Rate,Currency,Note', '2024-01-02,ECB,0.91,eur,from the website']);
    expect(rates.get('EUR')).toEqual([{ line: 2, rate: { on: '2024-01-02', rate: '0.91', source: 'ECB' } }]);
  });

  it('refuses a header that lacks a column or names one twice', async () => {
    expect(await refusal(['currency,date,rate', 'EUR,2024-01-02,0.91'])).toEqual([
      {
        path: 'line 1',
        value: 'currency,date,rate',
        message: 'lacks source: the header must name currency, date, rate, source',
      },
    ]);
    expect((await refusal(['currency,date,rate,source,rate', 'EUR,2024-01-02,0.91,ECB,1']))[0].message).toBe(
      'names rate twice: the header must name currency, date, rate, source',
    );
  });
});
