import {
  assertNever,
  ConcordError,
  lifecycleError,
  type DecideContext,
  type Decider,
  isIsoDate,
} from '@concord/kernel';
import type { ProposalStatus } from '../../funding.vocabulary';
import { exceeds, validMoney, type Money } from '../../money/money';
import type { CallFacts, ProposalCommand, ProposalDetailsInput } from './proposal.commands';
import type { ProposalDetails, ProposalEvent } from './proposal.events';
import {
  bad,
  checkCallOpen,
  checkEligible,
  existingCall,
  MAX_REASON,
  proposalDetails,
  text,
  today,
  Violations,
} from './proposal.rules';

export interface ExistingProposal {
  status: ProposalStatus;
  details: ProposalDetails;
  /** ISO date, once submitted. */
  submittedOn: string | null;
  /** What was awarded and when, once funded. */
  funding: { amount: Money; on: string } | null;
}

export type ProposalState = { status: 'none' } | ExistingProposal;

type Data<T extends ProposalCommand['type']> = Extract<ProposalCommand, { type: T }>['data'];
type Events = ProposalEvent[];

/** Proposals that have not been decided yet can still be withdrawn by their applicants. */
const WITHDRAWABLE: ProposalStatus[] = ['DRAFT', 'SUBMITTED', 'SHORTLISTED'];
const DECIDABLE: ProposalStatus[] = ['SUBMITTED', 'SHORTLISTED'];

function requireStatus(state: ExistingProposal, allowed: ProposalStatus[], attempted: string): void {
  if (!allowed.includes(state.status)) throw lifecycleError('Proposal', state.status, attempted);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Valid details, also checked against the call they answer (existence, status when new, eligibility). */
function validDetails(
  input: ProposalDetailsInput,
  call: CallFacts | null | undefined,
  ctx: DecideContext,
  { newCall }: { newCall: boolean },
): ProposalDetails {
  const fields = new Violations();
  const details = proposalDetails(fields, input);
  fields.throwIfAny();
  if (details.callId === null) return details;
  const found = existingCall(details.callId, call);
  if (newCall) checkCallOpen(found, today(ctx.now), false);
  const eligibility = new Violations();
  checkEligible(eligibility, found, details);
  eligibility.throwIfAny();
  return { ...details, fundCode: found.fundCode };
}

function draft(data: Data<'DraftProposal'>, ctx: DecideContext): Events {
  const { call, ...input } = data;
  return [{ type: 'ProposalDrafted', data: validDetails(input, call, ctx, { newCall: true }) }];
}

/**
 * The revision's fields over the current ones. Fields that may be empty are cleared by null; the
 * others count null as "not given", as GraphQL sends it.
 */
function revisedInput(current: ProposalDetails, data: Data<'ReviseProposal'>): ProposalDetailsInput {
  const { call: _call, ...changes } = data;
  const clearable = new Set(['callId', 'donor', 'coFunding', 'jointProgrammeId']);
  const given = Object.entries(changes).filter(([key, value]) =>
    clearable.has(key) ? value !== undefined : value !== undefined && value !== null,
  );
  return { ...current, ...Object.fromEntries(given) };
}

function revise(state: ExistingProposal, data: Data<'ReviseProposal'>, ctx: DecideContext): Events {
  requireStatus(state, ['DRAFT'], 'revise it');
  const input = revisedInput(state.details, data);
  const newCall = input.callId != null && input.callId !== '' && input.callId !== state.details.callId;
  const details = validDetails(input, data.call, ctx, { newCall });
  const changed = (Object.keys(details) as (keyof ProposalDetails)[]).filter(
    (field) => !sameJson(state.details[field], details[field]),
  );
  return changed.length ? [{ type: 'ProposalRevised', data: { changed, details } }] : [];
}

function submit(state: ExistingProposal, data: Data<'SubmitProposal'>, ctx: DecideContext): Events {
  requireStatus(state, ['DRAFT'], 'submit it');
  const on = data.on ?? today(ctx.now);
  if (!isIsoDate(on)) throw bad('INVALID_DATE', 'on', on, 'must be a calendar date written YYYY-MM-DD');
  if (on > today(ctx.now)) throw bad('FUTURE_DATE', 'on', on, 'must not be after today');
  const { callId } = state.details;
  if (callId !== null) {
    const call = existingCall(callId, data.call);
    checkCallOpen(call, on, true);
    const eligibility = new Violations();
    checkEligible(eligibility, call, state.details);
    eligibility.throwIfAny();
  }
  return [{ type: 'ProposalSubmitted', data: { on } }];
}

/** The date of a decision or withdrawal: a real date, today when omitted, not before submission. */
function dateOf(state: ExistingProposal, on: string | undefined, ctx: DecideContext): string {
  if (on === undefined || on === null) return today(ctx.now);
  if (!isIsoDate(on)) throw bad('INVALID_DATE', 'on', on, 'must be a calendar date written YYYY-MM-DD');
  if (state.submittedOn && on < state.submittedOn) {
    throw bad(
      'DATE_BEFORE_SUBMISSION',
      'on',
      on,
      `must not be before the proposal was submitted (${state.submittedOn})`,
    );
  }
  return on;
}

function reason(value: string): string {
  const fields = new Violations();
  const trimmed = text(fields, 'reason', value, MAX_REASON);
  fields.throwIfAny();
  return trimmed;
}

/** A proposal is funded once: a second award would count the same money twice. */
function fund(state: ExistingProposal, data: Data<'FundProposal'>, ctx: DecideContext): Events {
  if (state.status === 'FUNDED' && state.funding) {
    const { amount, on } = state.funding;
    throw new ConcordError(
      'CONFLICT',
      'PROPOSAL_ALREADY_FUNDED',
      `The proposal was already funded on ${on} for ${amount.amount} ${amount.currency}; a proposal cannot be funded twice`,
    );
  }
  requireStatus(state, DECIDABLE, 'fund it');
  const amount = validMoney('amount', data.amount);
  const requested = state.details.requested;
  if (amount.currency !== requested.currency) {
    throw bad(
      'CURRENCY_MISMATCH',
      'amount.currency',
      data.amount.currency,
      `must be the requested currency (${requested.currency})`,
    );
  }
  if (exceeds(amount.amount, requested.amount)) {
    throw bad(
      'AMOUNT_EXCEEDS_REQUEST',
      'amount.amount',
      data.amount.amount,
      `must not exceed the requested ${requested.amount} ${requested.currency}`,
    );
  }
  return [{ type: 'ProposalFunded', data: { amount, on: dateOf(state, data.on, ctx) } }];
}

function decideChange(command: ProposalCommand, state: ExistingProposal, ctx: DecideContext): Events {
  switch (command.type) {
    case 'DraftProposal':
      throw lifecycleError('Proposal', state.status, 'draft it again');
    case 'ReviseProposal':
      return revise(state, command.data, ctx);
    case 'SubmitProposal':
      return submit(state, command.data, ctx);
    case 'ShortlistProposal':
      requireStatus(state, ['SUBMITTED'], 'shortlist it');
      return [{ type: 'ProposalShortlisted', data: { on: dateOf(state, command.data.on, ctx) } }];
    case 'FundProposal':
      return fund(state, command.data, ctx);
    case 'RejectProposal': {
      requireStatus(state, DECIDABLE, 'reject it');
      const data = { reason: reason(command.data.reason), on: dateOf(state, command.data.on, ctx) };
      return [{ type: 'ProposalRejected', data }];
    }
    case 'WithdrawProposal': {
      requireStatus(state, WITHDRAWABLE, 'withdraw it');
      const data = { reason: reason(command.data.reason), on: dateOf(state, command.data.on, ctx) };
      return [{ type: 'ProposalWithdrawn', data }];
    }
    default:
      return assertNever(command);
  }
}

const withStatus = (state: ProposalState, status: ProposalStatus): ProposalState =>
  state.status === 'none' ? state : { ...state, status };

/** What may happen to a proposal, as pure functions (ARCHITECTURE §5, funding). */
export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  initialState: { status: 'none' },

  decide(command, state, ctx) {
    if (state.status !== 'none') return decideChange(command, state, ctx);
    if (command.type === 'DraftProposal') return draft(command.data, ctx);
    throw new ConcordError('NOT_FOUND', 'PROPOSAL_NOT_FOUND', 'No such proposal');
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ProposalDrafted':
        return { status: 'DRAFT', details: event.data, submittedOn: null, funding: null };
      case 'ProposalRevised':
        return state.status === 'none' ? state : { ...state, details: event.data.details };
      case 'ProposalSubmitted':
        return state.status === 'none' ? state : { ...state, status: 'SUBMITTED', submittedOn: event.data.on };
      case 'ProposalShortlisted':
        return withStatus(state, 'SHORTLISTED');
      case 'ProposalFunded':
        return state.status === 'none' ? state : { ...state, status: 'FUNDED', funding: event.data };
      case 'ProposalRejected':
        return withStatus(state, 'REJECTED');
      case 'ProposalWithdrawn':
        return withStatus(state, 'WITHDRAWN');
      default:
        return assertNever(event);
    }
  },
};
