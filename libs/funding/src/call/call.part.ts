import type { FundingPart } from '../funding.part';
import { CallModule } from './call.module';
import { CALL_STREAM } from './domain/call.aggregate';
import { callProjection } from './read-model/call.projection';
import { CallRow } from './read-model/call.rows';

/**
 * Calls: streams, read-model tables, projections and the Nest module. The `funding_calls` table
 * is created by the migration fund.part.ts lists (FundingFundsAndCalls1763900010000).
 */
export const callPart: FundingPart = {
  streams: [{ streamType: CALL_STREAM, context: 'funding' }],
  entities: [CallRow],
  migrations: [],
  projections: [callProjection],
  module: CallModule,
};
