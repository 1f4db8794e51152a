import { ConcordError, type Actor } from '@concord/kernel';
import type { ProposalCommand, ProposalCommandType } from '../domain/proposal.commands';
import type { ProposalState } from '../domain/proposal.decider';

/** Decisions on a proposal belong to whoever funds it, never to the applicants. */
const DECISIONS: ProposalCommandType[] = ['ShortlistProposal', 'FundProposal', 'RejectProposal'];

const ACTION: Record<ProposalCommandType, string> = {
  DraftProposal: 'draft',
  ReviseProposal: 'revise',
  SubmitProposal: 'submit',
  ShortlistProposal: 'shortlist',
  FundProposal: 'fund',
  RejectProposal: 'reject',
  WithdrawProposal: 'withdraw',
};

export const isDecision = (type: ProposalCommandType): boolean => DECISIONS.includes(type);

/** What the policy needs from other read models: the organisation managing the fund of the call. */
export interface ProposalPolicyFacts {
  /** Directory code of the managing organisation of the call's fund, for decisions on call proposals. */
  fundManager?: string | null;
}

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);
const isAdmin = (actor: Actor) => actor.roles.includes('platform-admin') || actor.roles.includes('system');
const list = (codes: readonly string[]) => codes.join(', ');

interface Applicants {
  lead: string | undefined;
  countries: string[];
}

const leadOf = (applicants: readonly { organisation: string; role: string }[] | null | undefined) =>
  applicants?.find((a) => a.role === 'LEAD')?.organisation;

/** The lead organisation and countries the command concerns: the proposal's, or the draft's. */
function applicantsOf(command: ProposalCommand, state: ProposalState): Applicants | undefined {
  if (command.type === 'DraftProposal') {
    return { lead: leadOf(command.data.applicants), countries: command.data.countries ?? [] };
  }
  if (state.status === 'none') return undefined;
  return { lead: leadOf(state.details.applicants), countries: state.details.countries };
}

/** After a revision: the new lead and countries where the revision names them. */
function revisedApplicants(command: ProposalCommand, current: Applicants): Applicants | undefined {
  if (command.type !== 'ReviseProposal') return undefined;
  const { applicants, countries } = command.data;
  if (!applicants && !countries) return undefined;
  return { lead: applicants ? leadOf(applicants) : current.lead, countries: countries ?? current.countries };
}

/** An RCO coordinator of one of the countries, or an agency editor of the lead there. */
function mayApply(actor: Actor, { lead, countries }: Applicants): boolean {
  const inCountry = countries.some((country) => actor.countries.includes(country));
  if (!inCountry) return false;
  if (actor.roles.includes('rco-coordinator')) return true;
  return actor.roles.includes('agency-editor') && lead !== undefined && actor.organisation === lead;
}

function authorizeApplicant(command: ProposalCommand, state: ProposalState, actor: Actor): void {
  const applicants = applicantsOf(command, state);
  const isStaff = actor.roles.includes('rco-coordinator') || actor.roles.includes('agency-editor');
  if (!applicants) {
    // An unknown proposal: the decider answers NOT_FOUND to those who could change one.
    if (isStaff) return;
    throw forbidden(
      `Only a platform admin, an RCO coordinator or an agency editor can ${ACTION[command.type]} proposals`,
    );
  }
  const after = revisedApplicants(command, applicants);
  if (mayApply(actor, applicants) && (!after || mayApply(actor, after))) return;
  const outOfRemit = after !== undefined && mayApply(actor, applicants);
  const refused = outOfRemit ? after : applicants;
  const countries = list(refused.countries) || 'its countries';
  const lead = refused.lead ?? 'its LEAD organisation';
  const what = outOfRemit ? `revise this proposal into one led by ${lead} in ${countries}` : ACTION[command.type];
  throw forbidden(
    `Only a platform admin, an RCO coordinator of ${countries} or an agency editor of ${lead} in ${countries} ` +
      `can ${what}${outOfRemit ? '' : ' this proposal'}`,
  );
}

/** The donor's or the fund manager's agency editors decide; the applicants never do. */
function authorizeDecision(
  command: ProposalCommand,
  state: ProposalState,
  actor: Actor,
  facts: ProposalPolicyFacts,
): void {
  if (state.status === 'none') {
    if (actor.roles.includes('agency-editor')) return; // NOT_FOUND from the decider
    throw forbidden(`Only a platform admin or an agency editor of the donor can ${ACTION[command.type]} proposals`);
  }
  const { donor, callId } = state.details;
  const decider = donor ?? facts.fundManager ?? undefined;
  if (decider && actor.roles.includes('agency-editor') && actor.organisation === decider) return;
  const who =
    donor !== null
      ? `an agency editor of the donor ${donor}`
      : facts.fundManager
        ? `an agency editor of ${facts.fundManager}, which manages the fund of call ${callId},`
        : `an agency editor of the organisation managing the fund of call ${callId}`;
  throw forbidden(`Only a platform admin or ${who} can ${ACTION[command.type]} this proposal`);
}

/**
 * Who may act on a proposal: platform admins (and the system) anything. Drafting, revising,
 * submitting and withdrawing: an agency editor of the LEAD organisation whose countries include
 * one of the proposal's, or an RCO coordinator of one of them. Shortlisting, funding and
 * rejecting: an agency editor of the donor, or of the organisation managing the call's fund.
 */
export function authorizeProposalCommand(
  command: ProposalCommand,
  state: ProposalState,
  actor: Actor,
  facts: ProposalPolicyFacts = {},
): void {
  if (isAdmin(actor)) return;
  if (command.type === 'SubmitProposal' && command.data.on !== undefined) {
    throw forbidden('Only a platform admin can record a submission made on an earlier date');
  }
  if (isDecision(command.type)) return authorizeDecision(command, state, actor, facts);
  authorizeApplicant(command, state, actor);
}

/** Drafts are work in progress: only signed-in callers see them. */
export const seesDrafts = (viewer: Actor | undefined): boolean => viewer !== undefined;
