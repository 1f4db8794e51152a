import { Ctx, type RequestContext } from '@concord/platform';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { MappingScopeInput } from '../../scope/graphql/mapping-scope.types';
import { PartnerSearchQuery } from '../application/partner-search.query';
import { PartnerActivityType, PartnerSearchFilterInput, PartnerSearchResultType } from './partner-search.types';

/** Thin: text, scope, filter and page → query service. Anonymous callers search published activities. */
@Resolver()
export class PartnerSearchResolver {
  constructor(private readonly query: PartnerSearchQuery) {}

  @Query(() => PartnerSearchResultType, {
    description:
      'Full-text search over activity titles and descriptions (English, French, Spanish, Portuguese; ' +
      'stemmed, accents and case folded) with filters and facet counts, best matches first',
  })
  async partnerActivities(
    @Ctx() ctx: RequestContext,
    @Args('text', { nullable: true, description: 'Words, "a phrase", or -excluded' }) text?: string,
    @Args('scope', { type: () => MappingScopeInput, nullable: true }) scope?: MappingScopeInput,
    @Args('filter', { type: () => PartnerSearchFilterInput, nullable: true }) filter?: PartnerSearchFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    const result = await this.query.search(text, { ...scope }, { ...filter }, { first, after }, ctx.actor);
    return {
      totalCount: result.totalCount,
      edges: result.hits,
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.hits.at(-1)?.cursor ?? null },
      facets: result.facets,
    };
  }

  @Query(() => [PartnerActivityType], {
    description: 'Activities most alike in words to this one: in its country, in a scope given, or anywhere',
  })
  similarActivities(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('scope', { type: () => MappingScopeInput, nullable: true }) scope?: MappingScopeInput,
    @Args('anywhere', { nullable: true, description: 'Look in every country' }) anywhere?: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    const given = scope?.country !== undefined || scope?.region !== undefined ? { ...scope } : undefined;
    return this.query.similar(id, anywhere ? {} : given, first, ctx.actor);
  }
}
