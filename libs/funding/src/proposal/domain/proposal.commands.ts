import type { Money } from '../../money/money';

/**
 * The details as a caller gives them (GraphQL, CLI, imports). Codes are plain strings: the decider
 * checks them and names every unknown one. Optional lists may be left out.
 */
export interface ProposalDetailsInput {
  title: string;
  /** Organisation codes with role LEAD or CO_APPLICANT; exactly one LEAD. */
  applicants: { organisation: string; role: string }[];
  /** Exactly one of `callId` and `donor`. */
  callId?: string | null;
  donor?: string | null;
  countries: string[];
  policyAreas?: string[] | null;
  guarantees?: string[] | null;
  requested: Money;
  coFunding?: Money | null;
  jointProgrammeId?: string | null;
  start: string;
  end: string;
}

/**
 * A call as the command handler found it in the `funding_calls` read model, never as a caller
 * gave it: the handler replaces whatever is here. `null` when no call has the id.
 */
export interface CallFacts {
  id: string;
  fundCode: string;
  status: string;
  /** ISO dates, inclusive: applications are taken from `opensOn` to `closesOn`. */
  opensOn: string;
  closesOn: string;
  /** Only proposals of several organisations are eligible. */
  jointOnly: boolean;
  /** The eligible countries; empty when any country is. */
  countries: string[];
}

/** Facts the handler adds to commands of proposals that answer a call (see CallFacts). */
interface CallLookup {
  call?: CallFacts | null;
}

/** Everything one can ask of a proposal. Dates (`on`) are ISO dates; today when omitted. */
export type ProposalCommand =
  | { type: 'DraftProposal'; data: ProposalDetailsInput & CallLookup }
  /**
   * A draft only. Each given field replaces the current one; `undefined` leaves it as it is, and
   * `null` clears the fields that may be empty (callId, donor, coFunding, jointProgrammeId).
   */
  | { type: 'ReviseProposal'; data: Partial<ProposalDetailsInput> & CallLookup }
  /**
   * Submitted today, or on `on` when recording a past submission (platform admins and the system
   * only, see the policy): the call's deadline is checked against that date.
   */
  | { type: 'SubmitProposal'; data: CallLookup & { on?: string } }
  | { type: 'ShortlistProposal'; data: { on?: string } }
  /** `amount` is what the call or donor awards, in the requested currency. */
  | { type: 'FundProposal'; data: { amount: Money; on?: string } }
  | { type: 'RejectProposal'; data: { reason: string; on?: string } }
  | { type: 'WithdrawProposal'; data: { reason: string; on?: string } };

export type ProposalCommandType = ProposalCommand['type'];
