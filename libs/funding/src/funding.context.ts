import type { BoundedContext } from '@concord/platform';
import { Module } from '@nestjs/common';
import { callPart } from './call/call.part';
import { contributionPart } from './contribution/contribution.part';
import { fundPart } from './fund/fund.part';
import { proposalPart } from './proposal/proposal.part';

const parts = [fundPart, callPart, proposalPart, contributionPart];

/** Funding's GraphQL and command handlers: one module per aggregate. */
@Module({ imports: parts.map((p) => p.module) })
export class FundingModule {}

/** Funds, calls, proposals, contributions with their transactions, exchange rates and the funding framework. */
export const fundingContext: BoundedContext = {
  name: 'funding',
  streams: parts.flatMap((p) => p.streams),
  entities: parts.flatMap((p) => p.entities),
  migrations: parts.flatMap((p) => p.migrations),
  projections: parts.flatMap((p) => p.projections),
  module: FundingModule,
};
