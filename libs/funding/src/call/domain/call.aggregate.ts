import type { Aggregate } from '@concord/eventing';
import type { CallCommand } from './call.commands';
import { callDecider, type CallState } from './call.decider';
import type { CallEvent } from './call.events';

export const CALL_STREAM = 'Call';

/** No unique keys: several calls of a fund may share a title (a second call a year later). */
export const callAggregate: Aggregate<CallCommand, CallEvent, CallState> = {
  streamType: CALL_STREAM,
  decider: callDecider,
};
