import type { Aggregate } from '@concord/eventing';
import type { FocalPointCommand } from './focal-point.commands';
import { focalPointDecider, type FocalPointState } from './focal-point.decider';
import type { FocalPointEvent } from './focal-point.events';

export const FOCAL_POINT_STREAM = 'FocalPoint';

/** No unique keys: they are never released, and a person who left may come back as a new focal point. */
export const focalPointAggregate: Aggregate<FocalPointCommand, FocalPointEvent, FocalPointState> = {
  streamType: FOCAL_POINT_STREAM,
  decider: focalPointDecider,
};
