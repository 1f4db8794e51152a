import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FundCommandHandler } from './application/fund-command.handler';
import { FundQueries } from './application/fund.queries';
import { FundResolver } from './graphql/fund.resolver';

@Module({
  imports: [CqrsModule],
  providers: [FundCommandHandler, FundQueries, FundResolver],
  exports: [FundQueries],
})
export class FundModule {}
