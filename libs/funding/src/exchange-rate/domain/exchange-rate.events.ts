import type { DomainEvent } from '@concord/kernel';

/** Units of the currency per one unit of the reporting currency (USD) on a day, and who said so. */
export interface ExchangeRate {
  /** ISO date the rate applies from. */
  on: string;
  /** Decimal string, e.g. "0.9123" EUR per USD. */
  rate: string;
  /** Where the rate comes from, e.g. "UN operational rates of exchange" or "ECB reference rate". */
  source: string;
}

/** Everything that can happen to a currency's rate history: rates are recorded, new or corrected. */
export type ExchangeRateEvent = DomainEvent<'ExchangeRatesRecorded', { currency: string; rates: ExchangeRate[] }>;

const EVENT_TYPES: Record<ExchangeRateEvent['type'], true> = { ExchangeRatesRecorded: true };
export const EXCHANGE_RATES_EVENT_TYPES = Object.keys(EVENT_TYPES) as ExchangeRateEvent['type'][];
