import { Module } from '@nestjs/common';
import type { FundingPart } from '../funding.part';

@Module({})
class ContributionModule {}

/** Contributions: streams, read-model tables, migrations, projections and the Nest module. */
export const contributionPart: FundingPart = {
  streams: [],
  entities: [],
  migrations: [],
  projections: [],
  module: ContributionModule,
};
