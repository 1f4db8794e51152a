import { assertNever, ConcordError, lifecycleError, type Decider } from '@concord/kernel';
import type { ActivityStatus } from '@concord/reference';
import { withBudgetLine } from './activity.budget';
import type { ActivityCommand } from './activity.commands';
import type { ActivityDetails, ActivityEvent, BudgetLine, JointProgrammePeriod } from './activity.events';
import {
  activityDetails,
  activityStatus,
  assertWithinJointProgramme,
  budget,
  budgetLine,
  externalIds,
  referenceId,
  requiredId,
  source,
  Violations,
} from './activity.rules';

export type ActivityState =
  | { status: 'none' }
  | {
      status: ActivityStatus;
      details: ActivityDetails;
      budget: BudgetLine[];
      jointProgrammeId: string | null;
      /** The linked programme's period as checked when linking; null when it could not be known. */
      jointProgrammePeriod: JointProgrammePeriod | null;
      /** Whether anonymous callers see it (ADR 0007). */
      published: boolean;
    };

type Registered = Exclude<ActivityState, { status: 'none' }>;
type RegisterData = Extract<ActivityCommand, { type: 'RegisterActivity' }>['data'];
type ReviseData = Extract<ActivityCommand, { type: 'ReviseActivity' }>['data'];

/** The lifecycle (IATI ActivityStatus): where an activity may go from each state. */
const NEXT: Record<ActivityStatus, readonly ActivityStatus[]> = {
  PIPELINE: ['IMPLEMENTATION', 'CANCELLED', 'SUSPENDED'],
  IMPLEMENTATION: ['FINALISATION', 'CANCELLED', 'SUSPENDED'],
  FINALISATION: ['CLOSED'],
  SUSPENDED: ['IMPLEMENTATION'],
  CLOSED: [],
  CANCELLED: [],
};

/** JSON with object keys sorted: the event store's jsonb does not keep the order keys were written in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Values are normalised into one canonical form first, so equal values serialise equally. */
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function changeStatus(state: Registered, to: ActivityStatus): ActivityEvent[] {
  if (to === state.status) return [];
  if (!NEXT[state.status].includes(to)) throw lifecycleError('Activity', state.status, `move to ${to}`);
  return [{ type: 'ActivityStatusChanged', data: { from: state.status, to } }];
}

/** The programme's period after checking the activity lies within it; null when it is not known. */
function checkedPeriod(
  jointProgrammeId: string,
  jp: JointProgrammePeriod | undefined,
  activity: { start: string; end: string },
): JointProgrammePeriod | null {
  if (!jp) return null;
  assertWithinJointProgramme(jointProgrammeId, jp, activity);
  return { start: jp.start, end: jp.end };
}

/** Links to another programme; an activity belongs to one programme, so a former link is dropped. */
function link(
  state: Registered,
  jointProgrammeId: string,
  jp: JointProgrammePeriod | undefined,
  activity: { start: string; end: string },
): ActivityEvent[] {
  if (jointProgrammeId === state.jointProgrammeId) return [];
  const jointProgrammePeriod = checkedPeriod(jointProgrammeId, jp, activity);
  const unlink: ActivityEvent[] = state.jointProgrammeId
    ? [{ type: 'ActivityUnlinkedFromJointProgramme', data: { jointProgrammeId: state.jointProgrammeId } }]
    : [];
  return [...unlink, { type: 'ActivityLinkedToJointProgramme', data: { jointProgrammeId, jointProgrammePeriod } }];
}

function register(data: RegisterData): ActivityEvent[] {
  const v = new Violations();
  const details = activityDetails(v, data);
  const status = data.status == null ? 'PIPELINE' : activityStatus(v, data.status);
  const lines = budget(v, data.budget);
  const jointProgrammeId = referenceId(v, 'jointProgrammeId', data.jointProgrammeId);
  const ids = externalIds(v, data.externalIds);
  const from = source(v, data.source);
  v.throwIfAny();
  const jointProgrammePeriod = jointProgrammeId
    ? checkedPeriod(jointProgrammeId, data.jointProgrammePeriod, details)
    : null;
  return [
    {
      type: 'ActivityRegistered',
      data: {
        ...details,
        status,
        budget: lines,
        jointProgrammeId,
        jointProgrammePeriod,
        externalIds: ids,
        source: from,
      },
    },
  ];
}

/** Only what differs is recorded, so revising with the same data (a re-import) records nothing. */
function revise(state: Registered, data: ReviseData): ActivityEvent[] {
  const v = new Violations();
  const details = activityDetails(v, data);
  const status = data.status == null ? undefined : activityStatus(v, data.status);
  const lines = data.budget == null ? undefined : budget(v, data.budget);
  const jointProgrammeId = referenceId(v, 'jointProgrammeId', data.jointProgrammeId);
  v.throwIfAny();

  const changes = Object.fromEntries(
    Object.entries(details).filter(([key, value]) => !same(value, state.details[key as keyof ActivityDetails])),
  ) as Partial<ActivityDetails & { budget: BudgetLine[] }>;
  if (lines && !same(lines, state.budget)) changes.budget = lines;

  const moves = jointProgrammeId !== null && jointProgrammeId !== state.jointProgrammeId;
  const periodChanged = changes.start !== undefined || changes.end !== undefined;
  if (!moves && periodChanged && state.jointProgrammeId) {
    // The programme's period as read now beats the one recorded at the link, which may be stale.
    const { linkedProgramme } = data;
    const current =
      linkedProgramme?.id === state.jointProgrammeId ? linkedProgramme.period : state.jointProgrammePeriod;
    if (current) assertWithinJointProgramme(state.jointProgrammeId, current, details);
  }
  return [
    ...(Object.keys(changes).length ? [{ type: 'ActivityRevised' as const, data: changes }] : []),
    ...(status ? changeStatus(state, status) : []),
    ...(moves ? link(state, jointProgrammeId, data.jointProgrammePeriod, details) : []),
  ];
}

function unlink(state: Registered, jointProgrammeId: string): ActivityEvent[] {
  if (state.jointProgrammeId !== jointProgrammeId) {
    throw new ConcordError('CONFLICT', 'NOT_LINKED', `Activity is not linked to joint programme ${jointProgrammeId}`, [
      {
        path: 'jointProgrammeId',
        value: jointProgrammeId,
        message: state.jointProgrammeId
          ? `the activity is linked to ${state.jointProgrammeId}`
          : 'the activity is linked to no joint programme',
      },
    ]);
  }
  return [{ type: 'ActivityUnlinkedFromJointProgramme', data: { jointProgrammeId } }];
}

/**
 * Publishing what is published, or unpublishing what is not, records nothing. A cancelled activity
 * may be unpublished but not published: what was called off is no news for the public; one
 * published before it was cancelled stays published until someone unpublishes it (ADR 0007).
 */
function publication(state: Registered, publish: boolean): ActivityEvent[] {
  if (state.published === publish) return [];
  if (!publish) return [{ type: 'ActivityUnpublished', data: {} }];
  if (state.status === 'CANCELLED') throw lifecycleError('Activity', state.status, 'publish');
  return [{ type: 'ActivityPublished', data: {} }];
}

function decideOnRegistered(command: ActivityCommand, state: Registered): ActivityEvent[] {
  const v = new Violations();
  switch (command.type) {
    case 'RegisterActivity':
      throw lifecycleError('Activity', state.status, 'register it again');
    case 'ReviseActivity':
      return revise(state, command.data);
    case 'ChangeActivityStatus': {
      const status = activityStatus(v, command.data.status);
      v.throwIfAny();
      return changeStatus(state, status);
    }
    case 'LinkActivityToJointProgramme': {
      const id = requiredId(v, 'jointProgrammeId', command.data.jointProgrammeId);
      v.throwIfAny();
      return link(state, id, command.data.jointProgrammePeriod, state.details);
    }
    case 'UnlinkActivityFromJointProgramme':
      return unlink(state, command.data.jointProgrammeId);
    case 'RecordBudget': {
      const line = budgetLine(v, '', command.data);
      v.throwIfAny();
      const recorded = state.budget.find((l) => l.year === line.year && l.currency === line.currency);
      return same(recorded, line) ? [] : [{ type: 'ActivityBudgetRecorded', data: line }];
    }
    case 'PublishActivity':
      return publication(state, true);
    case 'UnpublishActivity':
      return publication(state, false);
    default:
      return assertNever(command);
  }
}

/** What may happen to an activity, as pure functions (ARCHITECTURE §5, programming). */
export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (state.status !== 'none') return decideOnRegistered(command, state);
    if (command.type === 'RegisterActivity') return register(command.data);
    throw new ConcordError('NOT_FOUND', 'ACTIVITY_NOT_FOUND', 'No such activity');
  },

  evolve(state, event) {
    if (event.type === 'ActivityRegistered') {
      const {
        status,
        budget: lines,
        jointProgrammeId,
        jointProgrammePeriod,
        externalIds: _externalIds,
        source: _source,
        ...details
      } = event.data;
      return { status, details, budget: lines, jointProgrammeId, jointProgrammePeriod, published: false };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'ActivityRevised': {
        const { budget: lines, ...details } = event.data;
        return { ...state, details: { ...state.details, ...details }, budget: lines ?? state.budget };
      }
      case 'ActivityStatusChanged':
        return { ...state, status: event.data.to };
      case 'ActivityLinkedToJointProgramme':
        return { ...state, ...event.data };
      case 'ActivityUnlinkedFromJointProgramme':
        return { ...state, jointProgrammeId: null, jointProgrammePeriod: null };
      case 'ActivityBudgetRecorded':
        return { ...state, budget: withBudgetLine(state.budget, event.data) };
      case 'ActivityPublished':
        return { ...state, published: true };
      case 'ActivityUnpublished':
        return { ...state, published: false };
      default:
        return assertNever(event);
    }
  },
};
