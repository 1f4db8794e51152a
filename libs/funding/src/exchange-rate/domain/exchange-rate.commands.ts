import type { ExchangeRate } from './exchange-rate.events';

/** Records rates of one currency; a rate given again unchanged is not recorded twice. */
export type ExchangeRateCommand = { type: 'RecordExchangeRates'; data: { currency: string; rates: ExchangeRate[] } };
