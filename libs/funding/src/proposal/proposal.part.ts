import { Module } from '@nestjs/common';
import type { FundingPart } from '../funding.part';

@Module({})
class ProposalModule {}

/** Proposals: streams, read-model tables, migrations, projections and the Nest module. */
export const proposalPart: FundingPart = { streams: [], entities: [], migrations: [], projections: [], module: ProposalModule };
