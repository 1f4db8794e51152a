import {
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
import { ActivityQueries } from '../application/activity.queries';
import { ACTIVITY_STREAM } from '../domain/activity.aggregate';
import { activityProjection } from '../read-model/activity.projection';
import { ActivityRow } from '../read-model/activity.rows';
import { seesUnpublished } from '../../publication.policy';
import { ActivityChangeType, ActivityType } from './activity.types';

/** Activity events, with the country and published flag of the activity they leave. */
const ACTIVITIES: LiveFeed<Pick<ActivityRow, 'id' | 'country' | 'published'>> = {
  name: 'activities',
  streamType: ACTIVITY_STREAM,
  projection: activityProjection.name,
  load: rowsById(ActivityRow, ['country', 'published']),
};

/** Live activity changes by country: the subscription side of the activities read model. */
@Resolver(() => ActivityChangeType)
export class ActivityChangedResolver {
  constructor(
    private readonly live: LiveEvents,
    private readonly queries: ActivityQueries,
  ) {}

  @Subscription(() => ActivityChangeType, {
    description: 'Activities of a country as they are registered or change (anonymous: published ones)',
    resolve: eachChangeAfresh,
  })
  activityChanged(@Args('country') country: string, @Ctx() ctx: RequestContext) {
    requireCountryCode(country, 'country');
    const seesAll = seesUnpublished(ctx.actor);
    return this.live.changes(
      ACTIVITIES,
      ({ row }) => row?.country === country && (seesAll || row.published),
      (change) => ({ ...changeView(change), activityId: change.event.streamId }),
    );
  }

  @ResolveField(() => ActivityType, { nullable: true })
  activity(@Parent() change: ActivityChangeType, @Ctx() ctx: RequestContext) {
    return this.queries.byId(change.activityId, ctx.actor);
  }
}
