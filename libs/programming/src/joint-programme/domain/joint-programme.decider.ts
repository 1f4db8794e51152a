import { assertNever, ConcordError, lifecycleError, type Decider } from '@concord/kernel';
import { bad, validCode, validText } from '../../cooperation-framework/domain/field-rules';
import type { FrameworkResultFacts, JointProgrammeCommand, LinkedActivitySpan } from './joint-programme.commands';
import type {
  JointProgrammeDetails,
  JointProgrammeEvent,
  JointProgrammeStatus,
  LinkedFrameworkResult,
  ProgressReport,
} from './joint-programme.events';
import { checkLinkFits, checkSubmittable, validDetails, validReport } from './joint-programme.rules';

export type JointProgrammeState =
  | { status: 'none' }
  | {
      status: JointProgrammeStatus;
      code: string;
      details: JointProgrammeDetails;
      /** result id → linked outcome or output */
      links: Record<string, LinkedFrameworkResult>;
      /** period → the latest report for it */
      reports: Record<string, ProgressReport>;
      /** Whether anonymous callers see it (ADR 0007). */
      published: boolean;
    };
type Existing = Exclude<JointProgrammeState, { status: 'none' }>;

const MAX_REASON = 1_000;
/** Concept notes and submitted documents can still be revised; approval freezes them. */
const REVISABLE: JointProgrammeStatus[] = ['CONCEPT', 'SUBMITTED'];
const LINKABLE: JointProgrammeStatus[] = ['CONCEPT', 'SUBMITTED', 'APPROVED', 'ACTIVE'];
/** Reporting goes on until the final report after operational closure. */
const REPORTABLE: JointProgrammeStatus[] = ['ACTIVE', 'OPERATIONALLY_CLOSED'];
const CANCELLABLE: JointProgrammeStatus[] = ['CONCEPT', 'SUBMITTED', 'APPROVED'];
/**
 * A rejected or cancelled programme never ran: it may be unpublished, but not published; one
 * published before it was cancelled stays published until someone unpublishes it (ADR 0007).
 */
const PUBLISHABLE: JointProgrammeStatus[] = [
  'CONCEPT',
  'SUBMITTED',
  'APPROVED',
  'ACTIVE',
  'OPERATIONALLY_CLOSED',
  'FINANCIALLY_CLOSED',
];

function requireStatus(state: Existing, allowed: JointProgrammeStatus[], attempted: string): void {
  if (!allowed.includes(state.status)) throw lifecycleError('JointProgramme', state.status, attempted);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A revision names only what it changes; GraphQL nulls count as "not given". */
function givenFields<T extends object>(data: T): Partial<T> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

function decideDraft(command: Extract<JointProgrammeCommand, { type: 'DraftJointProgramme' }>): JointProgrammeEvent[] {
  const { code, ...details } = command.data;
  return [{ type: 'JointProgrammeDrafted', data: { code: validCode('code', code), ...validDetails(details) } }];
}

function decideRevision(
  command: Extract<JointProgrammeCommand, { type: 'ReviseJointProgramme' }>,
  state: Existing,
): JointProgrammeEvent[] {
  requireStatus(state, REVISABLE, 'revise');
  // The lead follows the participants' LEAD role unless the revision names it.
  const details = validDetails({ ...state.details, leadOrganisation: undefined, ...givenFields(command.data) });
  if (state.status === 'SUBMITTED') checkSubmittable(state.code, details);
  Object.values(state.links).forEach((link) => checkLinkFits('countries', link, details.countries));
  if (command.linkedActivities) checkHoldsLinkedActivities(details, command.linkedActivities);
  const fields = new Set([...Object.keys(state.details), ...Object.keys(details)] as (keyof JointProgrammeDetails)[]);
  const changed = [...fields].filter((field) => !sameJson(state.details[field], details[field]));
  return changed.length ? [{ type: 'JointProgrammeRevised', data: { changed, details } }] : [];
}

/** A new period may not leave out an activity linked to the programme; the error names it. */
function checkHoldsLinkedActivities(
  { startDate, endDate }: JointProgrammeDetails,
  { earliest, latest }: LinkedActivitySpan,
): void {
  const fix = 'move the activity or unlink it first';
  if (startDate && earliest.start < startDate) {
    const message = `would leave out linked activity "${earliest.title}" (${earliest.id}), which starts ${earliest.start}; ${fix}`;
    throw bad('ACTIVITY_OUTSIDE_PERIOD', 'startDate', startDate, message);
  }
  if (endDate && latest.end > endDate) {
    const message = `would leave out linked activity "${latest.title}" (${latest.id}), which ends ${latest.end}; ${fix}`;
    throw bad('ACTIVITY_OUTSIDE_PERIOD', 'endDate', endDate, message);
  }
}

function linkable(path: string, result: FrameworkResultFacts): LinkedFrameworkResult {
  const { id, kind, frameworkCode, code, countries } = result;
  if (kind === 'STRATEGIC_PRIORITY') {
    throw bad(
      'LINK_TO_PRIORITY',
      path,
      id,
      `${frameworkCode}:${code} is a strategic priority; link its outcomes or outputs`,
    );
  }
  return { id, kind, frameworkCode, code, countries };
}

function decideLinks(
  command: Extract<JointProgrammeCommand, { type: 'LinkFrameworkResults' }>,
  state: Existing,
): JointProgrammeEvent[] {
  requireStatus(state, LINKABLE, 'link framework results');
  const fresh: LinkedFrameworkResult[] = [];
  command.data.results.forEach((result, i) => {
    if (state.links[result.id] || fresh.some((f) => f.id === result.id)) return;
    const link = linkable(`resultIds[${i}]`, result);
    checkLinkFits(`resultIds[${i}]`, link, state.details.countries);
    fresh.push(link);
  });
  return fresh.length ? [{ type: 'JointProgrammeResultsLinked', data: { results: fresh } }] : [];
}

function decideReport(
  command: Extract<JointProgrammeCommand, { type: 'RecordProgressReport' }>,
  state: Existing,
): JointProgrammeEvent[] {
  requireStatus(state, REPORTABLE, 'record a progress report');
  const report = validReport(command.data, state.code, state.details);
  const earlier = state.reports[report.period];
  if (!earlier) return [{ type: 'JointProgrammeProgressReported', data: report }];
  return sameJson(earlier, report) ? [] : [{ type: 'JointProgrammeProgressReportRevised', data: report }];
}

/** Publishing what is published, or unpublishing what is not, changes nothing and records nothing. */
function decidePublication(publish: boolean, state: Existing): JointProgrammeEvent[] {
  if (state.published === publish) return [];
  if (!publish) return [{ type: 'JointProgrammeUnpublished', data: {} }];
  requireStatus(state, PUBLISHABLE, 'publish');
  return [{ type: 'JointProgrammePublished', data: {} }];
}

function decideChange(command: JointProgrammeCommand, state: Existing): JointProgrammeEvent[] {
  switch (command.type) {
    case 'DraftJointProgramme':
      throw lifecycleError('JointProgramme', state.status, 'draft it again');
    case 'ReviseJointProgramme':
      return decideRevision(command, state);
    case 'SubmitJointProgramme':
      requireStatus(state, ['CONCEPT'], 'submit');
      checkSubmittable(state.code, state.details);
      return [{ type: 'JointProgrammeSubmitted', data: {} }];
    case 'ApproveJointProgramme':
      requireStatus(state, ['SUBMITTED'], 'approve');
      return [{ type: 'JointProgrammeApproved', data: {} }];
    case 'RejectJointProgramme':
      requireStatus(state, ['SUBMITTED'], 'reject');
      return [
        { type: 'JointProgrammeRejected', data: { reason: validText('reason', command.data.reason, MAX_REASON) } },
      ];
    case 'ActivateJointProgramme':
      requireStatus(state, ['APPROVED'], 'activate');
      return [{ type: 'JointProgrammeActivated', data: {} }];
    case 'CloseJointProgrammeOperationally':
      requireStatus(state, ['ACTIVE'], 'close operationally');
      return [{ type: 'JointProgrammeOperationallyClosed', data: {} }];
    case 'CloseJointProgrammeFinancially':
      requireStatus(state, ['OPERATIONALLY_CLOSED'], 'close financially');
      return [{ type: 'JointProgrammeFinanciallyClosed', data: {} }];
    case 'CancelJointProgramme':
      requireStatus(state, CANCELLABLE, 'cancel');
      return [
        { type: 'JointProgrammeCancelled', data: { reason: validText('reason', command.data.reason, MAX_REASON) } },
      ];
    case 'LinkFrameworkResults':
      return decideLinks(command, state);
    case 'RecordProgressReport':
      return decideReport(command, state);
    case 'PublishJointProgramme':
      return decidePublication(true, state);
    case 'UnpublishJointProgramme':
      return decidePublication(false, state);
    default:
      return assertNever(command);
  }
}

const withStatus = (state: JointProgrammeState, status: JointProgrammeStatus): JointProgrammeState =>
  state.status === 'none' ? state : { ...state, status };

function withReport(state: JointProgrammeState, report: ProgressReport): JointProgrammeState {
  return state.status === 'none' ? state : { ...state, reports: { ...state.reports, [report.period]: report } };
}

/** What may happen to a joint programme, as pure functions (ARCHITECTURE §5, programming). */
export const jointProgrammeDecider: Decider<JointProgrammeCommand, JointProgrammeEvent, JointProgrammeState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (state.status !== 'none') return decideChange(command, state);
    if (command.type === 'DraftJointProgramme') return decideDraft(command);
    throw new ConcordError('NOT_FOUND', 'JOINT_PROGRAMME_NOT_FOUND', 'No such joint programme');
  },

  evolve(state, event) {
    switch (event.type) {
      case 'JointProgrammeDrafted': {
        const { code, ...details } = event.data;
        return { status: 'CONCEPT', code, details, links: {}, reports: {}, published: false };
      }
      case 'JointProgrammeRevised':
        return state.status === 'none' ? state : { ...state, details: event.data.details };
      case 'JointProgrammeSubmitted':
        return withStatus(state, 'SUBMITTED');
      case 'JointProgrammeApproved':
        return withStatus(state, 'APPROVED');
      case 'JointProgrammeRejected':
        return withStatus(state, 'REJECTED');
      case 'JointProgrammeActivated':
        return withStatus(state, 'ACTIVE');
      case 'JointProgrammeOperationallyClosed':
        return withStatus(state, 'OPERATIONALLY_CLOSED');
      case 'JointProgrammeFinanciallyClosed':
        return withStatus(state, 'FINANCIALLY_CLOSED');
      case 'JointProgrammeCancelled':
        return withStatus(state, 'CANCELLED');
      case 'JointProgrammeResultsLinked': {
        if (state.status === 'none') return state;
        const added = Object.fromEntries(event.data.results.map((r) => [r.id, r]));
        return { ...state, links: { ...state.links, ...added } };
      }
      case 'JointProgrammeProgressReported':
      case 'JointProgrammeProgressReportRevised':
        return withReport(state, event.data);
      case 'JointProgrammePublished':
        return state.status === 'none' ? state : { ...state, published: true };
      case 'JointProgrammeUnpublished':
        return state.status === 'none' ? state : { ...state, published: false };
      default:
        return assertNever(event);
    }
  },
};
