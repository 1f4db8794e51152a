import { Module } from '@nestjs/common';
import type { FundingPart } from '../funding.part';

@Module({})
class FundModule {}

/** Funds: streams, read-model tables, migrations, projections and the Nest module. */
export const fundPart: FundingPart = { streams: [], entities: [], migrations: [], projections: [], module: FundModule };
