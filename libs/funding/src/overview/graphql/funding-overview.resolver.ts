import { actorOf, Ctx, type RequestContext } from '@concord/platform';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { FundingDimensionEnum } from '../../funding.enums';
import { FundingOverviewQuery, type FundingDimension } from '../application/funding-overview';
import { FundingFilterInput, FundingOverviewType } from './funding-overview.types';

/** Thin: filter → query service. Funding figures are for signed-in callers. */
@Resolver(() => FundingOverviewType)
export class FundingOverviewResolver {
  constructor(private readonly query: FundingOverviewQuery) {}

  @Query(() => FundingOverviewType, {
    description: 'Required, pledged, committed, received, disbursed, spent and gap in USD, optionally grouped',
  })
  fundingOverview(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => FundingFilterInput, nullable: true }) filter?: FundingFilterInput,
    @Args('groupBy', { type: () => FundingDimensionEnum, nullable: true }) groupBy?: FundingDimension,
  ) {
    actorOf(ctx);
    return this.query.overview(filter ?? {}, groupBy ?? undefined);
  }
}
