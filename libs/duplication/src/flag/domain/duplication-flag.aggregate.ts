import type { Aggregate } from '@concord/eventing';
import { nameBasedId } from '@concord/kernel';
import type { DuplicationFlagCommand } from './duplication-flag.commands';
import { duplicationFlagDecider, type DuplicationFlagState } from './duplication-flag.decider';
import type { DuplicationFlagEvent, FlagSubject } from './duplication-flag.events';

export const DUPLICATION_FLAG_STREAM = 'DuplicationFlag';

/**
 * A flag's stream id is named after its subjects, in any order: the same pair always lands on the
 * same flag, so its history (dismissed, resolved) follows it through rescans.
 */
export const flagIdFor = (subjects: readonly FlagSubject[]): string =>
  nameBasedId(
    `concord:duplication-flag:${subjects
      .map((s) => `${s.type}:${s.id}`)
      .sort()
      .join('|')}`,
  );

export const duplicationFlagAggregate: Aggregate<DuplicationFlagCommand, DuplicationFlagEvent, DuplicationFlagState> = {
  streamType: DUPLICATION_FLAG_STREAM,
  decider: duplicationFlagDecider,
};
