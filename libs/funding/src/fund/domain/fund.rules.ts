import { ConcordError, type DecideContext, isIsoDate } from '@concord/kernel';

/**
 * Field rules shared by the funding deciders (funds, calls). Each returns the clean value or
 * throws BAD_USER_INPUT naming the field path, the value and the rule.
 */
export const bad = (code: string, path: string, value: unknown, message: string) =>
  ConcordError.badInput(code, { path, value, message });

/** The same rule as organisation codes: JOINT_SDG_FUND, ILO_SPF_FLAGSHIP_2, SP_LNOB. */
const CODE = /^[A-Z][A-Z0-9_]{1,29}$/;
export const MAX_TEXT = 200;

/** A fund or window code: 2–30 capital letters, digits or _, starting with a letter. */
export function validCode(path: string, value: string): string {
  if (typeof value !== 'string' || !CODE.test(value)) {
    throw bad('INVALID_CODE', path, value, 'must be 2–30 capital letters, digits or _, starting with a letter');
  }
  return value;
}

/** An organisation's directory code: UNICEF, UNMPTFO, WORLD_BANK. */
export function validOrganisationCode(path: string, value: string): string {
  if (typeof value !== 'string' || !CODE.test(value)) {
    throw bad('INVALID_CODE', path, value, 'must be an organisation code: 2–30 capital letters, digits or _');
  }
  return value;
}

/** Trimmed, not empty, at most `max` characters. */
export function validText(path: string, value: string, max = MAX_TEXT): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw bad('VALUE_REQUIRED', path, value, 'must not be empty');
  if (text.length > max) throw bad('TOO_LONG', path, value, `must be at most ${max} characters (is ${text.length})`);
  return text;
}

/** A calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function validDate(path: string, value: string): string {
  if (!isIsoDate(value)) throw bad('INVALID_DATE', path, value, 'must be a calendar date written YYYY-MM-DD');
  return value;
}

/** A given ISO date, or today from the decide context when omitted. */
export const validDateOrToday = (path: string, value: string | undefined, ctx: DecideContext): string =>
  value === undefined ? ctx.now.toISOString().slice(0, 10) : validDate(path, value);

/** `to` may not come before `from`; the error is on `toPath`. */
export function checkOrder(fromPath: string, from: string, toPath: string, to: string): void {
  if (to < from) throw bad('DATES_OUT_OF_ORDER', toPath, to, `must not be before ${fromPath} (${from})`);
}

export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
