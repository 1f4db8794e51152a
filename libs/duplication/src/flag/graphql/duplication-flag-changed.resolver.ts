import {
  actorOf,
  changeView,
  Ctx,
  eachChangeAfresh,
  LiveEvents,
  rowsById,
  type LiveFeed,
  type RequestContext,
} from '@concord/platform';
import { requireCountryCode } from '@concord/reference';
import { Args, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { DuplicationFlagQueries } from '../application/duplication-flag.queries';
import { DUPLICATION_FLAG_STREAM } from '../domain/duplication-flag.aggregate';
import { duplicationFlagProjection } from '../read-model/duplication-flag.projection';
import { DuplicationFlagRow } from '../read-model/duplication-flag.rows';
import { flagView } from './duplication-flag.resolver';
import { DuplicationFlagChangeType, DuplicationFlagType } from './duplication-flag.types';

/** Duplication flag events, with the flag's country. */
const FLAGS: LiveFeed<Pick<DuplicationFlagRow, 'id' | 'country'>> = {
  name: 'duplication-flags',
  streamType: DUPLICATION_FLAG_STREAM,
  projection: duplicationFlagProjection.name,
  load: rowsById(DuplicationFlagRow, ['country']),
};

/** Live changes of a country's duplication flags, for signed-in callers (as the flag queries). */
@Resolver(() => DuplicationFlagChangeType)
export class DuplicationFlagChangedResolver {
  constructor(
    private readonly live: LiveEvents,
    private readonly queries: DuplicationFlagQueries,
  ) {}

  @Subscription(() => DuplicationFlagChangeType, {
    description: "A country's duplication flags as they are raised, rescored, decided or cleared",
    resolve: eachChangeAfresh,
  })
  duplicationFlagChanged(@Args('country') country: string, @Ctx() ctx: RequestContext) {
    actorOf(ctx);
    requireCountryCode(country, 'country');
    return this.live.changes(
      FLAGS,
      ({ row }) => row?.country === country,
      (change) => ({ ...changeView(change), flagId: change.event.streamId }),
    );
  }

  @ResolveField(() => DuplicationFlagType, { nullable: true })
  async flag(@Parent() change: DuplicationFlagChangeType) {
    const row = await this.queries.byId(change.flagId);
    return row && flagView(row);
  }
}
