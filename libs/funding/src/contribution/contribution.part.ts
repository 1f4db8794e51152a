import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EXCHANGE_RATE_STREAM } from '../exchange-rate/domain/exchange-rate.aggregate';
import type { FundingPart } from '../funding.part';
import { FundingContributions1763900009000 } from '../migrations/1763900009000-funding-contributions';
import { FundingOverviewQuery } from '../overview/application/funding-overview';
import { FundingOverviewResolver } from '../overview/graphql/funding-overview.resolver';
import { ContributionCommandHandler } from './application/contribution-command.handler';
import { ContributionFacts } from './application/contribution-facts';
import { ContributionQueries } from './application/contribution.queries';
import { CONTRIBUTION_STREAM } from './domain/contribution.aggregate';
import { ContributionResolver } from './graphql/contribution.resolver';
import { contributionProjection } from './read-model/contribution.projection';
import { ContributionRow, ExchangeRateRow, TransactionRow } from './read-model/contribution.rows';

@Module({
  imports: [CqrsModule],
  providers: [
    ContributionCommandHandler,
    ContributionFacts,
    ContributionQueries,
    ContributionResolver,
    FundingOverviewQuery,
    FundingOverviewResolver,
  ],
})
class ContributionModule {}

/** Contributions and their transactions, exchange rates, and the funding overview over them. */
export const contributionPart: FundingPart = {
  streams: [
    { streamType: CONTRIBUTION_STREAM, context: 'funding' },
    { streamType: EXCHANGE_RATE_STREAM, context: 'funding' },
  ],
  entities: [ContributionRow, TransactionRow, ExchangeRateRow],
  migrations: [FundingContributions1763900009000],
  projections: [contributionProjection],
  module: ContributionModule,
};
