import { Module } from '@nestjs/common';
import type { FundingPart } from '../funding.part';

@Module({})
class CallModule {}

/** Calls: streams, read-model tables, migrations, projections and the Nest module. */
export const callPart: FundingPart = { streams: [], entities: [], migrations: [], projections: [], module: CallModule };
