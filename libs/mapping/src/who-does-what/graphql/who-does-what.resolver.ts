import { Ctx, type RequestContext } from '@concord/platform';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { WhoDoesWhatQuery } from '../application/who-does-what.query';
import { MappingScopeInput } from '../../scope/graphql/mapping-scope.types';
import { WhoDoesWhatFilterInput, WhoDoesWhatType } from './who-does-what.types';

/** Thin: scope and filter → query service. Anonymous callers see published activities only. */
@Resolver(() => WhoDoesWhatType)
export class WhoDoesWhatResolver {
  constructor(private readonly query: WhoDoesWhatQuery) {}

  @Query(() => WhoDoesWhatType, {
    description:
      'Who does what for a country, a region or the world: policy area and sub-national area × organisation, ' +
      'the actor matrix of floor guarantees × delivery stages, and mandates without activity (and the reverse)',
  })
  whoDoesWhat(
    @Ctx() ctx: RequestContext,
    @Args('scope', { type: () => MappingScopeInput, nullable: true }) scope?: MappingScopeInput,
    @Args('filter', { type: () => WhoDoesWhatFilterInput, nullable: true }) filter?: WhoDoesWhatFilterInput,
  ) {
    return this.query.whoDoesWhat({ ...scope }, { ...filter }, ctx.actor);
  }
}
