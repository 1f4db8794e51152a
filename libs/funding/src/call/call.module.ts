import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FundModule } from '../fund/fund.module';
import { CallCommandHandler } from './application/call-command.handler';
import { CallQueries } from './application/call.queries';
import { FundDirectory } from './application/fund-directory';
import { CallResolver } from './graphql/call.resolver';

@Module({
  imports: [CqrsModule, FundModule],
  providers: [CallCommandHandler, CallQueries, FundDirectory, CallResolver],
  exports: [CallQueries],
})
export class CallModule {}
