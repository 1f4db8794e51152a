import { assertNever, ConcordError, lifecycleError, type DecideContext, type Decider } from '@concord/kernel';
import type { DuplicationFlagCommand } from './duplication-flag.commands';
import type { DuplicationFlagEvent, Finding, FlagKind, FlagStatus } from './duplication-flag.events';

export interface ExistingFlag {
  status: FlagStatus;
  /** Whose country and organisations: the policy reads them. */
  country: string;
  organisations: string[];
  kind: FlagKind;
  score: number;
  fingerprint: string;
}
export type DuplicationFlagState = { status: 'none' } | ExistingFlag;

type Command<T extends DuplicationFlagCommand['type']> = Extract<DuplicationFlagCommand, { type: T }>['data'];
type Events = DuplicationFlagEvent[];

const DISMISSALS = ['FALSE_POSITIVE', 'COMPLEMENTARY'];
const RESOLUTIONS = ['MERGED', 'DIVISION_OF_LABOUR_AGREED', 'TURNED_INTO_JOINT_PROGRAMME'];
const MAX_TEXT = 2000;

function text(path: string, value: string | undefined, required: boolean): string | null {
  const trimmed = (value ?? '').trim();
  if (!trimmed && required)
    throw ConcordError.badInput('VALUE_REQUIRED', { path, value, message: 'must not be empty' });
  if (trimmed.length > MAX_TEXT) {
    throw ConcordError.badInput('TOO_LONG', { path, value, message: `must be at most ${MAX_TEXT} characters` });
  }
  return trimmed || null;
}

/**
 * Scores drift a little as other activities come and go (rarer or commoner words), so a flag is
 * rescored only when its subjects or kind changed, or its score moved by this much.
 */
export const RESCORE_STEP = 0.5;

const sameFinding = (flag: ExistingFlag, finding: Finding) =>
  flag.kind === finding.kind &&
  flag.fingerprint === finding.fingerprint &&
  Math.abs(flag.score - finding.score) < RESCORE_STEP;

/**
 * The detector's word on a pair, reconciled with what people decided: a new finding raises a
 * flag; a changed one rescores an open or confirmed flag; a dismissed, resolved or cleared flag
 * comes back only when its subjects changed materially (another fingerprint); a pair no longer
 * alike is cleared, unless people already closed it.
 */
function detect(data: Command<'Detect'>, state: DuplicationFlagState): Events {
  const { finding } = data;
  if (state.status === 'none') {
    if (!finding) return [];
    if (data.subjects.length < 2) {
      throw ConcordError.badInput('TOO_FEW_SUBJECTS', {
        path: 'subjects',
        value: data.subjects,
        message: 'a flag is about two subjects or more',
      });
    }
    const { subjects, country, organisations } = data;
    return [{ type: 'DuplicationFlagRaised', data: { ...finding, subjects, country, organisations } }];
  }
  const closedByPeople = state.status === 'DISMISSED' || state.status === 'RESOLVED';
  if (!finding) {
    if (closedByPeople || state.status === 'CLEARED') return [];
    return [{ type: 'DuplicationFlagCleared', data: { reason: 'the detector no longer finds the subjects alike' } }];
  }
  if (closedByPeople || state.status === 'CLEARED') {
    if (finding.fingerprint === state.fingerprint) return [];
    const reason = 'the subjects changed and the detector finds them alike again';
    return [
      { type: 'DuplicationFlagReopened', data: { by: 'detector', reason } },
      { type: 'DuplicationFlagRescored', data: finding },
    ];
  }
  return sameFinding(state, finding) ? [] : [{ type: 'DuplicationFlagRescored', data: finding }];
}

function existing(state: DuplicationFlagState): ExistingFlag {
  if (state.status === 'none') throw new ConcordError('NOT_FOUND', 'FLAG_NOT_FOUND', 'No such duplication flag');
  return state;
}

function requireStatus(flag: ExistingFlag, allowed: FlagStatus[], attempted: string): void {
  if (!allowed.includes(flag.status)) throw lifecycleError('DuplicationFlag', flag.status, attempted);
}

/** What may happen to a duplication flag (ARCHITECTURE §5, duplication), as pure functions. */
export const duplicationFlagDecider: Decider<DuplicationFlagCommand, DuplicationFlagEvent, DuplicationFlagState> = {
  initialState: { status: 'none' },

  decide(command, state, ctx: DecideContext) {
    const by = ctx.actor.id;
    switch (command.type) {
      case 'Detect':
        return detect(command.data, state);
      case 'ConfirmFlag': {
        requireStatus(existing(state), ['OPEN'], 'confirm it');
        return [{ type: 'DuplicationFlagConfirmed', data: { by, note: text('note', command.data.note, false) } }];
      }
      case 'DismissFlag': {
        requireStatus(existing(state), ['OPEN', 'CONFIRMED'], 'dismiss it');
        if (!DISMISSALS.includes(command.data.as)) {
          throw ConcordError.badInput('UNKNOWN_CODE', {
            path: 'as',
            value: command.data.as,
            message: `must be ${DISMISSALS.join(' or ')}`,
          });
        }
        const reason = text('reason', command.data.reason, true)!;
        return [{ type: 'DuplicationFlagDismissed', data: { by, as: command.data.as, reason } }];
      }
      case 'ResolveFlag': {
        requireStatus(existing(state), ['OPEN', 'CONFIRMED'], 'resolve it');
        if (!RESOLUTIONS.includes(command.data.as)) {
          throw ConcordError.badInput('UNKNOWN_CODE', {
            path: 'as',
            value: command.data.as,
            message: `must be one of ${RESOLUTIONS.join(', ')}`,
          });
        }
        return [
          {
            type: 'DuplicationFlagResolved',
            data: { by, as: command.data.as, note: text('note', command.data.note, false) },
          },
        ];
      }
      case 'ReopenFlag': {
        requireStatus(existing(state), ['DISMISSED', 'RESOLVED', 'CONFIRMED'], 'reopen it');
        return [{ type: 'DuplicationFlagReopened', data: { by, reason: text('reason', command.data.reason, true)! } }];
      }
      case 'CommentOnFlag': {
        existing(state);
        const comment = text('text', command.data.text, true)!;
        return [
          {
            type: 'DuplicationFlagCommented',
            data: { by, organisation: ctx.actor.organisation ?? null, text: comment },
          },
        ];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'DuplicationFlagRaised': {
        const { kind, score, fingerprint, country, organisations } = event.data;
        return { status: 'OPEN', kind, score, fingerprint, country, organisations };
      }
      case 'DuplicationFlagRescored': {
        if (state.status === 'none') return state;
        const { kind, score, fingerprint } = event.data;
        return { ...state, kind, score, fingerprint };
      }
      case 'DuplicationFlagCleared':
        return state.status === 'none' ? state : { ...state, status: 'CLEARED' };
      case 'DuplicationFlagConfirmed':
        return state.status === 'none' ? state : { ...state, status: 'CONFIRMED' };
      case 'DuplicationFlagDismissed':
        return state.status === 'none' ? state : { ...state, status: 'DISMISSED' };
      case 'DuplicationFlagResolved':
        return state.status === 'none' ? state : { ...state, status: 'RESOLVED' };
      case 'DuplicationFlagReopened':
        return state.status === 'none' ? state : { ...state, status: 'OPEN' };
      case 'DuplicationFlagCommented':
        return state;
      default:
        return assertNever(event);
    }
  },
};
