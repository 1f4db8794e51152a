import { ConcordError } from '@concord/kernel';
import { isCurrency } from '@concord/reference';
import { Decimal } from 'decimal.js';

/**
 * An amount of money: a decimal string (never a binary float) and an ISO 4217 currency code.
 * Arithmetic goes through decimal.js; amounts are stored as Postgres `numeric`.
 */
export interface Money {
  amount: string;
  currency: string;
}

/** Up to 15 integer digits and 3 decimals (ISO 4217 minor units go up to 3: KWD, BHD, OMR). */
const AMOUNT = /^\d{1,15}(\.\d{1,3})?$/;

const bad = (code: string, path: string, value: unknown, message: string) =>
  ConcordError.badInput(code, { path, value, message });

/** A known ISO 4217 code, or a field error on `path`. */
export function validCurrency(path: string, value: string): string {
  if (!isCurrency(value)) throw bad('UNKNOWN_CURRENCY', path, value, 'is not an ISO 4217 currency code, e.g. USD');
  return value;
}

/**
 * A decimal amount written as a string, e.g. "250000.50", greater than zero unless `allowZero`.
 * One spelling per value ("250000", "250000.0" and "250000.00" are all "250000.00").
 */
export function validAmount(path: string, value: string, options: { allowZero?: boolean } = {}): string {
  const given = typeof value === 'string' ? value.trim() : value;
  if (typeof given !== 'string' || !AMOUNT.test(given)) {
    throw bad(
      'INVALID_AMOUNT',
      path,
      value,
      'must be an amount written as a string with at most 3 decimals, e.g. "250000.50"',
    );
  }
  const amount = new Decimal(given);
  if (amount.isZero() && !options.allowZero) throw bad('AMOUNT_NOT_POSITIVE', path, value, 'must be greater than zero');
  return amount.toFixed(Math.max(2, amount.decimalPlaces()));
}

/** `{ amount, currency }` checked field by field under `path` (e.g. `requested.amount`). */
export function validMoney(path: string, money: Money, options: { allowZero?: boolean } = {}): Money {
  return {
    amount: validAmount(`${path}.amount`, money?.amount, options),
    currency: validCurrency(`${path}.currency`, money?.currency),
  };
}

/** The sum of amounts of one currency, in the same spelling as validAmount. */
export function sumAmounts(amounts: readonly string[]): string {
  const total = amounts.reduce((sum, amount) => sum.plus(amount), new Decimal(0));
  return total.toFixed(Math.max(2, total.decimalPlaces()));
}

/** `a > b` for decimal strings. */
export const exceeds = (a: string, b: string): boolean => new Decimal(a).greaterThan(b);
