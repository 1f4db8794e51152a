import type { DomainEvent } from '@concord/kernel';
import type { Money } from '../../money/money';

export type ApplicantRole = 'LEAD' | 'CO_APPLICANT';

export interface Applicant {
  /** Directory code of the organisation. */
  organisation: string;
  role: ApplicantRole;
}

/** What a proposal says; everything a revision may change while it is a draft. */
export interface ProposalDetails {
  title: string;
  /** One LEAD, then any co-applicants: a joint proposal has more than one organisation. */
  applicants: Applicant[];
  /** The call it answers (a Call stream id), or null when it goes to a donor directly. */
  callId: string | null;
  /** The fund of the call it answers, as the handler found it (a call's fund never changes); else null. */
  fundCode: string | null;
  /** Directory code of the donor (organisation or fund code) when not answering a call. */
  donor: string | null;
  /** ISO 3166-1 alpha-3; a multi-country proposal names several. */
  countries: string[];
  policyAreas: string[];
  guarantees: string[];
  /** Asked of the call or donor. */
  requested: Money;
  /** What the applicants add themselves, when stated. */
  coFunding: Money | null;
  /** The joint programme it would fund or extend (a JointProgramme stream id). */
  jointProgrammeId: string | null;
  /** ISO dates, inclusive. */
  start: string;
  end: string;
}

/** Everything that can happen to a proposal: draft → submitted → shortlisted → funded / rejected / withdrawn. */
export type ProposalEvent =
  | DomainEvent<'ProposalDrafted', ProposalDetails>
  | DomainEvent<'ProposalRevised', { changed: (keyof ProposalDetails)[]; details: ProposalDetails }>
  | DomainEvent<'ProposalSubmitted', { on: string }>
  | DomainEvent<'ProposalShortlisted', { on: string }>
  /** `amount` is what the call or donor awards, in the requested currency. */
  | DomainEvent<'ProposalFunded', { amount: Money; on: string }>
  | DomainEvent<'ProposalRejected', { reason: string; on: string }>
  | DomainEvent<'ProposalWithdrawn', { reason: string; on: string }>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<ProposalEvent['type'], true> = {
  ProposalDrafted: true,
  ProposalRevised: true,
  ProposalSubmitted: true,
  ProposalShortlisted: true,
  ProposalFunded: true,
  ProposalRejected: true,
  ProposalWithdrawn: true,
};
export const PROPOSAL_EVENT_TYPES = Object.keys(EVENT_TYPES) as ProposalEvent['type'][];
