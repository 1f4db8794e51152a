/**
 * Lookups over the bundled reference data (libs/reference/data/*.json, generated from the IATI
 * codelists by scripts/reference/generate.mjs; data/country-regions.csv, written by hand) and the
 * document vocabularies. Everything is loaded once, frozen, and indexed in Maps/Sets, so every
 * lookup is O(1).
 *
 * Codes are matched exactly (case-sensitive): countries are ISO 3166-1 alpha-3 ('KHM'), currencies
 * ISO 4217 ('USD'), organisation types IATI OrganisationType codes ('10', '40'), SDG goals '1'–'17'
 * and targets '1.3', '17.19', '1.a', regions the REGIONS vocabulary ('ASIA_PACIFIC').
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConcordError, CsvRowReader } from '@concord/kernel';
import countriesJson from '../data/countries.json';
import currenciesJson from '../data/currencies.json';
import organisationTypesJson from '../data/organisation-types.json';
import sdgGoalsJson from '../data/sdg-goals.json';
import sdgTargetsJson from '../data/sdg-targets.json';
import { VOCABULARIES, type Labels, type Region, type VocabularyCode, type VocabularyName } from './vocabularies';

/** A name with English always present and French/Spanish where the source has them. */
export interface LocalisedName {
  readonly en: string;
  readonly fr?: string;
  readonly es?: string;
}

export interface Country {
  /** ISO 3166-1 alpha-3, the code used everywhere in Concord. */
  readonly code: string;
  /** ISO 3166-1 alpha-2, the code IATI uses. */
  readonly alpha2: string;
  readonly name: Labels;
}

export interface OrganisationType {
  readonly code: string;
  readonly name: LocalisedName;
}

export interface Currency {
  readonly code: string;
  readonly name: { readonly en: string };
}

export interface SdgGoal {
  readonly code: string;
  readonly name: LocalisedName;
}

export interface SdgTarget {
  readonly code: string;
  /** The goal's code, e.g. '1' for target '1.3'. */
  readonly goal: string;
  readonly name: LocalisedName;
}

/** The code lists that come from data files rather than from vocabularies.ts. */
export type ReferenceListName = 'country' | 'currency' | 'organisationType' | 'sdgGoal' | 'sdgTarget';

/** Anything `unknownCodes` can check against. */
export type ReferenceKind = VocabularyName | ReferenceListName;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const COUNTRIES: readonly Country[] = deepFreeze(countriesJson);
const CURRENCIES: readonly Currency[] = deepFreeze(currenciesJson);
const ORGANISATION_TYPES: readonly OrganisationType[] = deepFreeze(organisationTypesJson);
const SDG_GOALS: readonly SdgGoal[] = deepFreeze(sdgGoalsJson);
const SDG_TARGETS: readonly SdgTarget[] = deepFreeze(sdgTargetsJson);
deepFreeze(VOCABULARIES);

const indexByCode = <T extends { readonly code: string }>(rows: readonly T[]): ReadonlyMap<string, T> =>
  new Map(rows.map((row) => [row.code, row]));

const COUNTRY_BY_CODE = indexByCode(COUNTRIES);
const COUNTRY_BY_ALPHA2: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.alpha2, c]));
const CURRENCY_BY_CODE = indexByCode(CURRENCIES);
const ORGANISATION_TYPE_BY_CODE = indexByCode(ORGANISATION_TYPES);
const SDG_GOAL_BY_CODE = indexByCode(SDG_GOALS);
const SDG_TARGET_BY_CODE = indexByCode(SDG_TARGETS);

const codeSet = (rows: readonly { readonly code: string }[]): ReadonlySet<string> =>
  new Set(rows.map((row) => row.code));

const KNOWN_CODES: ReadonlyMap<ReferenceKind, ReadonlySet<string>> = new Map<ReferenceKind, ReadonlySet<string>>([
  ...(Object.keys(VOCABULARIES) as VocabularyName[]).map(
    (name) => [name, codeSet(VOCABULARIES[name])] as [ReferenceKind, ReadonlySet<string>],
  ),
  ['country', new Set(COUNTRY_BY_CODE.keys())],
  ['currency', new Set(CURRENCY_BY_CODE.keys())],
  ['organisationType', new Set(ORGANISATION_TYPE_BY_CODE.keys())],
  ['sdgGoal', new Set(SDG_GOAL_BY_CODE.keys())],
  ['sdgTarget', new Set(SDG_TARGET_BY_CODE.keys())],
]);

/** The code set for a kind; a kind that does not exist is a programming error, so it throws. */
function knownCodes(kind: ReferenceKind): ReadonlySet<string> {
  const codes = KNOWN_CODES.get(kind);
  if (!codes) throw new Error(`Unknown reference kind: ${String(kind)}`);
  return codes;
}

/** libs/reference/data, beside src/ in the sources and beside the compiled src/ in dist/ (the build copies *.csv). */
const DATA_DIR = join(__dirname, '..', 'data');
const COUNTRY_REGIONS_FILE = 'country-regions.csv';

/**
 * data/country-regions.csv (`country,region,note`): each country's region, empty for a country no
 * regional bureau covers; the note is for the people who maintain the file. The file is written by
 * hand, so a row that does not fit is a defect of the bundled data: loading throws, naming the line.
 */
function loadCountryRegions(): ReadonlyMap<string, Region> {
  const fail = (line: number, why: string) => new Error(`${COUNTRY_REGIONS_FILE} line ${line}: ${why}`);
  const lines = readFileSync(join(DATA_DIR, COUNTRY_REGIONS_FILE), 'utf8').split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop(); // the final line break ends the last record, it starts none
  const reader = new CsvRowReader();
  const rows = [...lines.map((text, i) => reader.push(text, i + 1)), reader.end()].filter((row) => row !== undefined);
  const [header, ...records] = rows.map((row) => {
    if ('error' in row) throw fail(row.line, row.error);
    return row;
  });
  if (header?.fields.join(',') !== 'country,region,note') throw fail(1, 'the header must be country,region,note');
  const regions = new Map<string, Region>();
  const seen = new Set<string>();
  for (const { line, fields } of records) {
    if (fields.length !== 3) throw fail(line, `${fields.length} fields, but the header has 3`);
    const [country, region] = fields;
    if (!COUNTRY_BY_CODE.has(country)) throw fail(line, `${JSON.stringify(country)} is not a country code`);
    if (seen.has(country)) throw fail(line, `${country} is listed twice`);
    seen.add(country);
    if (region === '') continue;
    if (!isVocabularyCode('regions', region)) throw fail(line, `${JSON.stringify(region)} is not a region code`);
    regions.set(country, region);
  }
  return regions;
}

const REGION_BY_COUNTRY = loadCountryRegions();
/** Every region, each with its countries in IATI codelist order (frozen, possibly empty). */
const COUNTRIES_BY_REGION: ReadonlyMap<string, readonly string[]> = new Map(
  VOCABULARIES.regions.map(({ code }) => [
    code,
    Object.freeze(COUNTRIES.filter((c) => REGION_BY_COUNTRY.get(c.code) === code).map((c) => c.code)),
  ]),
);
const NO_COUNTRIES: readonly string[] = Object.freeze([]);

// Countries ------------------------------------------------------------------------------------

/** The country with this ISO 3166-1 alpha-3 code ('KHM'), or undefined. */
export const countryByCode = (code: string): Country | undefined => COUNTRY_BY_CODE.get(code);

/** The country with this ISO 3166-1 alpha-2 code ('KH', as IATI publishes it), or undefined. */
export const countryByAlpha2 = (alpha2: string): Country | undefined => COUNTRY_BY_ALPHA2.get(alpha2);

export const isCountryCode = (code: string): boolean => COUNTRY_BY_CODE.has(code);

/** A query argument that must be a country: BAD_USER_INPUT `UNKNOWN_COUNTRY` on `path` otherwise. */
export function requireCountryCode(value: string, path: string): string {
  if (isCountryCode(value)) return value;
  throw ConcordError.badInput('UNKNOWN_COUNTRY', {
    path,
    value,
    message: 'is not an ISO 3166-1 alpha-3 country code',
  });
}

/** All countries, in IATI codelist order (alphabetical by English name). */
export const listCountries = (): readonly Country[] => COUNTRIES;

// Regions --------------------------------------------------------------------------------------

/**
 * The UN region whose UNDP regional bureau covers the country ('KHM' → 'ASIA_PACIFIC'); undefined
 * for a country no bureau covers (USA, Japan, Western Europe, most overseas territories) and for
 * a code that is not a country.
 */
export const regionOf = (country: string): Region | undefined => REGION_BY_COUNTRY.get(country);

/** The countries of a region (ISO alpha-3), in IATI codelist order; empty for an unknown region code. */
export const countriesIn = (region: string): readonly string[] => COUNTRIES_BY_REGION.get(region) ?? NO_COUNTRIES;

// Organisation types, currencies, SDGs ---------------------------------------------------------

export const organisationTypeByCode = (code: string): OrganisationType | undefined =>
  ORGANISATION_TYPE_BY_CODE.get(code);
export const isOrganisationType = (code: string): boolean => ORGANISATION_TYPE_BY_CODE.has(code);
export const listOrganisationTypes = (): readonly OrganisationType[] => ORGANISATION_TYPES;

export const currencyByCode = (code: string): Currency | undefined => CURRENCY_BY_CODE.get(code);
export const isCurrency = (code: string): boolean => CURRENCY_BY_CODE.has(code);
export const listCurrencies = (): readonly Currency[] => CURRENCIES;

export const sdgGoalByCode = (code: string): SdgGoal | undefined => SDG_GOAL_BY_CODE.get(code);
export const isSdgGoal = (code: string): boolean => SDG_GOAL_BY_CODE.has(code);
export const listSdgGoals = (): readonly SdgGoal[] => SDG_GOALS;

export const sdgTargetByCode = (code: string): SdgTarget | undefined => SDG_TARGET_BY_CODE.get(code);
export const isSdgTarget = (code: string): boolean => SDG_TARGET_BY_CODE.has(code);
export const listSdgTargets = (): readonly SdgTarget[] => SDG_TARGETS;

// Vocabularies ---------------------------------------------------------------------------------

/** Whether `code` belongs to the vocabulary; narrows it to that vocabulary's union type. */
export function isVocabularyCode<N extends VocabularyName>(vocabulary: N, code: string): code is VocabularyCode<N> {
  return knownCodes(vocabulary).has(code);
}

/** A vocabulary's entries (code, en/fr/es label), in display order. */
export function listVocabulary<N extends VocabularyName>(name: N): (typeof VOCABULARIES)[N] {
  knownCodes(name);
  return VOCABULARIES[name];
}

// Validation -----------------------------------------------------------------------------------

/**
 * The codes that are not known in `kind`, each once, in the order first given; empty when all
 * are known. E.g. `unknownCodes('sdgTarget', ['1.3', '99.9'])` → `['99.9']`.
 */
export function unknownCodes(kind: ReferenceKind, codes: readonly string[]): string[] {
  const known = knownCodes(kind);
  return [...new Set(codes)].filter((code) => !known.has(code));
}

/** SDG target codes in the order the SDG list gives them: "1.3" before "1.a" before "10.2". */
export function bySdgTarget(a: string, b: string): number {
  const [ga, ta] = a.split('.');
  const [gb, tb] = b.split('.');
  return Number(ga) - Number(gb) || ta.localeCompare(tb, 'en', { numeric: true });
}
