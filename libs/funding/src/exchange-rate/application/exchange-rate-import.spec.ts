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
      { path: 'line 6: record', value: 'GBP,2024-01-03,0.8', message: 'must have 4 fields' },
      { path: 'line 3: date', value: '2024-13-01', message: 'must be a date written YYYY-MM-DD' },
      { path: 'line 4: currency', value: 'XYZ', message: 'is not an ISO 4217 currency code, e.g. EUR' },
      {
        path: 'line 5: rate',
        value: '-0.8',
        message: 'must be a number greater than zero with at most 10 decimals: units of the currency per USD',
      },
    ]);
  });

  it('refuses a file without the expected header', async () => {
    expect(await refusal(['date,currency,rate,source', 'EUR,2024-01-02,0.91,ECB'])).toEqual([
      { path: 'line 1', value: 'date,currency,rate,source', message: 'must be the header currency,date,rate,source' },
    ]);
  });
});
