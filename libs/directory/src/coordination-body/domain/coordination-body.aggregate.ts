import type { Aggregate } from '@concord/eventing';
import type { CoordinationBodyCommand } from './coordination-body.commands';
import { coordinationBodyDecider, type CoordinationBodyState } from './coordination-body.decider';
import type { CoordinationBodyEvent } from './coordination-body.events';

export const COORDINATION_BODY_STREAM = 'CoordinationBody';

/** No unique keys: names repeat across countries (many a country has its "SP working group"). */
export const coordinationBodyAggregate: Aggregate<
  CoordinationBodyCommand,
  CoordinationBodyEvent,
  CoordinationBodyState
> = {
  streamType: COORDINATION_BODY_STREAM,
  decider: coordinationBodyDecider,
};
