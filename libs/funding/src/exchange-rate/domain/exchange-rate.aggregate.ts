import type { Aggregate } from '@concord/eventing';
import { nameBasedId } from '@concord/kernel';
import type { ExchangeRateCommand } from './exchange-rate.commands';
import { exchangeRateDecider, type ExchangeRateState } from './exchange-rate.decider';
import type { ExchangeRateEvent } from './exchange-rate.events';

export const EXCHANGE_RATE_STREAM = 'ExchangeRates';

/** One stream per currency, its id named after the currency, so every import finds the same history. */
export const exchangeRateStreamId = (currency: string): string => nameBasedId(`concord:exchange-rates:${currency}`);

export const exchangeRateAggregate: Aggregate<ExchangeRateCommand, ExchangeRateEvent, ExchangeRateState> = {
  streamType: EXCHANGE_RATE_STREAM,
  decider: exchangeRateDecider,
};
