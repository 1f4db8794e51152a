import type { Aggregate } from '@concord/eventing';
import type { FundCommand } from './fund.commands';
import { fundDecider, type FundState } from './fund.decider';
import type { FundEvent } from './fund.events';

export const FUND_STREAM = 'Fund';

export const fundAggregate: Aggregate<FundCommand, FundEvent, FundState> = {
  streamType: FUND_STREAM,
  decider: fundDecider,
  // Fund codes are unique: reserved in the same transaction as the establishment, never released.
  uniqueKeys: (event) => (event.type === 'FundEstablished' ? [{ scope: 'fund.code', key: event.data.code }] : []),
};
