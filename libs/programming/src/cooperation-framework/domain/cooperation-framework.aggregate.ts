import type { Aggregate } from '@concord/eventing';
import type { CooperationFrameworkCommand } from './cooperation-framework.commands';
import { cooperationFrameworkDecider, type CooperationFrameworkState } from './cooperation-framework.decider';
import type { CooperationFrameworkEvent } from './cooperation-framework.events';

export const COOPERATION_FRAMEWORK_STREAM = 'CooperationFramework';

export const cooperationFrameworkAggregate: Aggregate<
  CooperationFrameworkCommand,
  CooperationFrameworkEvent,
  CooperationFrameworkState
> = {
  streamType: COOPERATION_FRAMEWORK_STREAM,
  decider: cooperationFrameworkDecider,
  // Framework codes are unique: reserved in the same transaction as the creation event.
  uniqueKeys: (event) =>
    event.type === 'CooperationFrameworkCreated' ? [{ scope: 'framework.code', key: event.data.code }] : [],
};
