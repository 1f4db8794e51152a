import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvRowReader } from '@concord/kernel';
import {
  countriesIn,
  isCountryCode,
  isVocabularyCode,
  listCountries,
  listVocabulary,
  regionOf,
  unknownCodes,
  type Region,
} from './index';

/** The bundled file as written, read apart from the loader so that these checks do not trust it. */
function fileRows(): { line: number; fields: string[] }[] {
  const reader = new CsvRowReader();
  const lines = readFileSync(join(__dirname, '..', 'data', 'country-regions.csv'), 'utf8').split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return [...lines.map((text, i) => reader.push(text, i + 1)), reader.end()]
    .filter((row) => row !== undefined)
    .map((row) => {
      if ('error' in row) throw new Error(`line ${row.line}: ${row.error}`);
      return row;
    });
}

const regionCodes = () => listVocabulary('regions').map((e) => e.code);

describe('regions', () => {
  it('has the five UNDP regional bureaux as a vocabulary with en/fr/es labels', () => {
    expect(regionCodes()).toEqual([
      'AFRICA',
      'ARAB_STATES',
      'ASIA_PACIFIC',
      'EUROPE_CENTRAL_ASIA',
      'LATIN_AMERICA_CARIBBEAN',
    ]);
    expect(listVocabulary('regions').find((e) => e.code === 'ASIA_PACIFIC')?.label).toEqual({
      en: 'Asia and the Pacific',
      fr: 'Asie et Pacifique',
      es: 'Asia y el Pacífico',
    });
    expect(isVocabularyCode('regions', 'ARAB_STATES')).toBe(true);
    expect(unknownCodes('regions', ['AFRICA', 'SOUTHERN_AFRICA', 'africa'])).toEqual(['SOUTHERN_AFRICA', 'africa']);
  });

  it('puts each country under the bureau that covers it', () => {
    const expected: [string, Region][] = [
      ['KHM', 'ASIA_PACIFIC'],
      ['THA', 'ASIA_PACIFIC'],
      ['MWI', 'AFRICA'],
      ['BFA', 'AFRICA'],
      ['JOR', 'ARAB_STATES'],
      ['HND', 'LATIN_AMERICA_CARIBBEAN'],
      ['KGZ', 'EUROPE_CENTRAL_ASIA'],
    ];
    for (const [country, region] of expected) expect([country, regionOf(country)]).toEqual([country, region]);
  });

  it('gives no region to a country no bureau covers, nor to a code that is not a country', () => {
    for (const code of ['USA', 'CAN', 'JPN', 'AUS', 'FRA', 'PRI', 'XYZ', 'khm', 'KH', '']) {
      expect([code, regionOf(code)]).toEqual([code, undefined]);
    }
  });

  it('lists the countries of a region as the inverse of regionOf', () => {
    const withRegion = listCountries().filter((c) => regionOf(c.code) !== undefined);
    for (const region of regionCodes()) {
      const countries = countriesIn(region);
      expect(countries.length).toBeGreaterThan(10);
      expect(countries.every((code) => regionOf(code) === region)).toBe(true);
      expect(countries).toEqual(withRegion.filter((c) => regionOf(c.code) === region).map((c) => c.code));
    }
    for (const c of withRegion) expect(countriesIn(regionOf(c.code)!)).toContain(c.code);
    expect(regionCodes().reduce((n, region) => n + countriesIn(region).length, 0)).toBe(withRegion.length);
  });

  it('lists no countries for a code that is not a region, and hands out lists that cannot be changed', () => {
    expect(countriesIn('SOUTHERN_AFRICA')).toEqual([]);
    expect(countriesIn('asia_pacific')).toEqual([]);
    expect(Object.isFrozen(countriesIn('AFRICA')) && Object.isFrozen(countriesIn('NOWHERE'))).toBe(true);
  });
});

describe('data/country-regions.csv', () => {
  const [header, ...rows] = fileRows();

  it('has the columns country, region, note on every row', () => {
    expect(header.fields).toEqual(['country', 'region', 'note']);
    for (const row of rows) expect([row.line, row.fields.length]).toEqual([row.line, 3]);
  });

  it('uses only region codes of REGIONS (or none)', () => {
    const unknown = rows.filter(({ fields: [, region] }) => region !== '' && !isVocabularyCode('regions', region));
    expect(unknown).toEqual([]);
  });

  it('names only known countries, each once, and every country of the product', () => {
    const codes = rows.map(({ fields: [country] }) => country);
    expect(codes.filter((code) => !isCountryCode(code))).toEqual([]);
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
    expect(new Set(codes)).toEqual(new Set(listCountries().map((c) => c.code)));
  });

  it('says why a country has no region', () => {
    const unexplained = rows.filter(({ fields: [, region, note] }) => region === '' && note.trim() === '');
    expect(unexplained).toEqual([]);
  });

  it('is what regionOf answers', () => {
    for (const { fields } of rows) {
      const [country, region] = fields;
      expect([country, regionOf(country)]).toEqual([country, region === '' ? undefined : region]);
    }
  });
});
