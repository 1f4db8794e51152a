import type { Aggregate } from '@concord/eventing';
import type { ActivityCommand } from './activity.commands';
import { activityDecider, type ActivityState } from './activity.decider';
import type { ActivityEvent } from './activity.events';

export const ACTIVITY_STREAM = 'Activity';

/** The scope under which external ids are reserved; an importer finds an activity by it. */
export const EXTERNAL_ID_SCOPE = 'activity.externalId';

export const activityAggregate: Aggregate<ActivityCommand, ActivityEvent, ActivityState> = {
  streamType: ACTIVITY_STREAM,
  decider: activityDecider,
  // An external id names one activity: reserved in the same transaction as the event, so two
  // imports of the same IATI activity cannot both register it.
  uniqueKeys: (event) =>
    event.type === 'ActivityRegistered'
      ? event.data.externalIds.map(({ system, id }) => ({ scope: EXTERNAL_ID_SCOPE, key: `${system}:${id}` }))
      : [],
};
