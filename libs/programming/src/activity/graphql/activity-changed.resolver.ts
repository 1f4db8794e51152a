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
import { DataSource } from 'typeorm';
import { ActivityQueries } from '../application/activity.queries';
import { ACTIVITY_STREAM } from '../domain/activity.aggregate';
import { activityProjection } from '../read-model/activity.projection';
import { ActivityRow } from '../read-model/activity.rows';
import { seesUnpublished } from '../../publication.policy';
import { ActivityChangeType, ActivityType } from './activity.types';

/** Live activity changes by country: the subscription side of the activities read model. */
@Resolver(() => ActivityChangeType)
export class ActivityChangedResolver {
  private readonly feed: LiveFeed<Pick<ActivityRow, 'id' | 'country' | 'published'>>;

  constructor(
    private readonly live: LiveEvents,
    private readonly queries: ActivityQueries,
    db: DataSource,
  ) {
    this.feed = {
      name: 'activities',
      streamType: ACTIVITY_STREAM,
      projection: activityProjection.name,
      load: rowsById(db, ActivityRow, ['country', 'published']),
    };
  }

  @Subscription(() => ActivityChangeType, {
    description: 'Activities of a country as they are registered or change (anonymous: published ones)',
    resolve: eachChangeAfresh,
  })
  activityChanged(@Args('country') country: string, @Ctx() ctx: RequestContext) {
    requireCountryCode(country, 'country');
    const seesAll = seesUnpublished(ctx.actor);
    return this.live.changes(
      this.feed,
      ({ row }) => row?.country === country && (seesAll || row.published),
      (change) => ({ ...changeView(change), activityId: change.event.streamId }),
    );
  }

  @ResolveField(() => ActivityType, { nullable: true })
  activity(@Parent() change: ActivityChangeType, @Ctx() ctx: RequestContext) {
    return this.queries.byId(change.activityId, ctx.actor);
  }
}
