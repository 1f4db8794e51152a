import type { DomainEvent } from '@concord/kernel';
import type { Contribution, DuplicationKind } from '../../detector/domain/pair-scoring';

export type FlagKind = DuplicationKind | 'COMPETING_PROPOSALS';
export type FlagStatus = 'OPEN' | 'CONFIRMED' | 'DISMISSED' | 'RESOLVED' | 'CLEARED';
export type Dismissal = 'FALSE_POSITIVE' | 'COMPLEMENTARY';
export type Resolution = 'MERGED' | 'DIVISION_OF_LABOUR_AGREED' | 'TURNED_INTO_JOINT_PROGRAMME';

/** What a flag is about: two (or more) activities or proposals. */
export interface FlagSubject {
  type: 'ACTIVITY' | 'PROPOSAL';
  id: string;
}

/** The detector's finding: kind, score and the signals behind it, and what it was computed from. */
export interface Finding {
  kind: FlagKind;
  score: number;
  contributions: Contribution[];
  /**
   * A digest of the subjects' fields the detector reads. A dismissed flag stays dismissed while
   * it is unchanged: only a material change to a subject brings the flag back.
   */
  fingerprint: string;
}

/** Everything that can happen to a duplication flag. */
export type DuplicationFlagEvent =
  | DomainEvent<
      'DuplicationFlagRaised',
      Finding & { subjects: FlagSubject[]; country: string; organisations: string[] }
    >
  /** The subjects changed and the detector still finds them alike, perhaps as another kind. */
  | DomainEvent<'DuplicationFlagRescored', Finding>
  /** The subjects changed and the detector no longer finds them alike. */
  | DomainEvent<'DuplicationFlagCleared', { reason: string }>
  | DomainEvent<'DuplicationFlagConfirmed', { by: string; note: string | null }>
  | DomainEvent<'DuplicationFlagDismissed', { by: string; as: Dismissal; reason: string }>
  | DomainEvent<'DuplicationFlagResolved', { by: string; as: Resolution; note: string | null }>
  /** By a coordinator, or by the detector when a dismissed, resolved or cleared pair changed and is alike again. */
  | DomainEvent<'DuplicationFlagReopened', { by: string; reason: string }>
  | DomainEvent<'DuplicationFlagCommented', { by: string; organisation: string | null; text: string }>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<DuplicationFlagEvent['type'], true> = {
  DuplicationFlagRaised: true,
  DuplicationFlagRescored: true,
  DuplicationFlagCleared: true,
  DuplicationFlagConfirmed: true,
  DuplicationFlagDismissed: true,
  DuplicationFlagResolved: true,
  DuplicationFlagReopened: true,
  DuplicationFlagCommented: true,
};
export const DUPLICATION_FLAG_EVENT_TYPES = Object.keys(EVENT_TYPES) as DuplicationFlagEvent['type'][];
