import type { Aggregate } from '@concord/eventing';
import type { JointProgrammeCommand } from './joint-programme.commands';
import { jointProgrammeDecider, type JointProgrammeState } from './joint-programme.decider';
import type { JointProgrammeEvent } from './joint-programme.events';

export const JOINT_PROGRAMME_STREAM = 'JointProgramme';

export const jointProgrammeAggregate: Aggregate<JointProgrammeCommand, JointProgrammeEvent, JointProgrammeState> = {
  streamType: JOINT_PROGRAMME_STREAM,
  decider: jointProgrammeDecider,
  // Programme codes are unique: reserved in the same transaction as the draft.
  uniqueKeys: (event) =>
    event.type === 'JointProgrammeDrafted' ? [{ scope: 'jointProgramme.code', key: event.data.code }] : [],
};
