import type { FundingPart } from '../funding.part';
import { FundingFundsAndCalls1763900010000 } from '../migrations/1763900010000-funding-funds-and-calls';
import { FUND_STREAM } from './domain/fund.aggregate';
import { FundModule } from './fund.module';
import { fundProjection } from './read-model/fund.projection';
import { FundRow } from './read-model/fund.rows';

/**
 * Funds: streams, read-model tables, migrations, projections and the Nest module. The migration
 * creates the calls' table too (one migration for both, listed here only).
 */
export const fundPart: FundingPart = {
  streams: [{ streamType: FUND_STREAM, context: 'funding' }],
  entities: [FundRow],
  migrations: [FundingFundsAndCalls1763900010000],
  projections: [fundProjection],
  module: FundModule,
};
