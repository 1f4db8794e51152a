import { ConcordError } from '@concord/kernel';
import { isCountryCode, unknownCodes, type ReferenceKind } from '@concord/reference';
import { Decimal } from 'decimal.js';

/**
 * Field rules shared by the programming deciders (frameworks, joint programmes). Each returns
 * the clean value or throws BAD_USER_INPUT naming the field, the value and the rule.
 */
export const bad = (code: string, path: string, value: unknown, message: string) =>
  ConcordError.badInput(code, { path, value, message });

const CODE = /^[A-Z0-9][A-Z0-9_.-]{0,39}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/** Short identifiers chosen by users: KHM-UNSDCF-2019, JP-KHM, 1.2, OP-1.2.3. */
export function validCode(path: string, value: string): string {
  if (!CODE.test(value ?? '')) {
    throw bad('INVALID_CODE', path, value, 'must be 1–40 letters, digits, _ . or -, starting with a letter or digit');
  }
  return value;
}

const ORGANISATION_CODE = /^[A-Z][A-Z0-9_]{1,29}$/;

/** An organisation's directory code: UNICEF, UN_WOMEN, WORLD_BANK. */
export function validOrganisationCode(path: string, value: string): string {
  if (!ORGANISATION_CODE.test(value ?? '')) {
    throw bad('INVALID_CODE', path, value, 'must be an organisation code: 2–30 capital letters, digits or _');
  }
  return value;
}

export function validText(path: string, value: string | undefined, max: number): string {
  const text = (value ?? '').trim();
  if (!text) throw bad('TEXT_REQUIRED', path, value, 'must not be empty');
  if (text.length > max)
    throw bad('TEXT_TOO_LONG', path, value, `must be at most ${max} characters (is ${text.length})`);
  return text;
}

/** A list of free-text entries (counterparts, funding sources): trimmed, each once. */
export function validTexts(path: string, values: readonly string[] | undefined, max: number): string[] {
  return [...new Set((values ?? []).map((v, i) => validText(`${path}[${i}]`, v, max)))];
}

/** At least one ISO 3166-1 alpha-3 country, each once. */
export function validCountries(path: string, countries: readonly string[] | undefined): string[] {
  if (!countries?.length) throw bad('COUNTRY_REQUIRED', path, countries, 'must name at least one country');
  countries.forEach((country, i) => {
    if (!isCountryCode(country)) {
      throw bad('UNKNOWN_CODE', `${path}[${i}]`, country, 'is not an ISO 3166-1 alpha-3 country code');
    }
  });
  return [...new Set(countries)];
}

/** Codes of a reference list or vocabulary, each once; `what` names one, e.g. 'an SDG target'. */
export function validCodes(
  path: string,
  kind: ReferenceKind,
  what: string,
  codes: readonly string[] | undefined,
): string[] {
  const [unknown] = unknownCodes(kind, codes ?? []);
  if (unknown !== undefined) {
    throw bad('UNKNOWN_CODE', `${path}[${codes!.indexOf(unknown)}]`, unknown, `is not ${what}`);
  }
  return [...new Set(codes ?? [])];
}

/** A calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export function validDate(path: string, value: string): string {
  const date = ISO_DATE.test(value ?? '') ? new Date(`${value}T00:00:00Z`) : undefined;
  const real = date !== undefined && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  if (!real) throw bad('INVALID_DATE', path, value, 'must be a calendar date written YYYY-MM-DD');
  return value;
}

/**
 * A decimal number written as a string, never a float: '60', '33.3333', '-2.5'. Returned in one
 * canonical spelling ('60.00' → '60') so that equal values compare equal.
 */
export function validDecimal(path: string, value: string): Decimal {
  if (!DECIMAL.test(value ?? '')) {
    throw bad('INVALID_DECIMAL', path, value, 'must be a decimal number written as a string, e.g. "1250.50"');
  }
  return new Decimal(value);
}

export const decimalText = (value: Decimal): string => value.toFixed();

/** The first value listed twice, with its position, so the error can point at it. */
export function firstRepeat<T>(items: readonly T[], key: (item: T) => string): { index: number; key: string } | null {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const k = key(item);
    if (seen.has(k)) return { index, key: k };
    seen.add(k);
  }
  return null;
}
