import type { DomainEvent } from '@concord/kernel';
import type { Money } from '../../money/money';

/** Who may apply to a call; an empty list means "any". */
export interface CallEligibility {
  /** ISO 3166-1 alpha-3 countries the proposals may cover. */
  countries: string[];
  /** IATI OrganisationType codes of the applicants (e.g. 40 multilateral, 10 government). */
  organisationTypes: string[];
  /** Only joint proposals of two or more organisations. */
  jointOnly: boolean;
  notes: string | null;
}

/** What a call says about itself; everything a revision may change. */
export interface CallDetails {
  title: string;
  /** Free text, e.g. "Social protection and leaving no one behind". */
  theme: string;
  /** What the call may award in all, when stated; any currency. */
  envelope: Money | null;
  /** ISO dates, inclusive: applications are accepted from `opensOn` to `closesOn`. */
  opensOn: string;
  closesOn: string;
  eligibility: CallEligibility;
}

/**
 * The fund a call belongs to, fixed when it is announced: the Fund stream id and code, the
 * organisation that manages the fund (who may change the call, so later commands need no
 * lookup), and the window of the fund it draws on (null when the call is not under a window).
 */
export interface CallFund {
  fundId: string;
  fundCode: string;
  managingOrganisation: string;
  window: string | null;
}

/**
 * Everything that can happen to a call for proposals under a fund (ARCHITECTURE §5, funding).
 * Whether it is open for applications on a day is derived from its dates while it is announced.
 */
export type CallEvent =
  | DomainEvent<'CallAnnounced', CallFund & CallDetails>
  /** The details after the revision, whole, and which fields changed. */
  | DomainEvent<'CallRevised', { changed: (keyof CallDetails)[]; details: CallDetails }>
  | DomainEvent<'CallClosed', { on: string }>
  | DomainEvent<'CallCancelled', { reason: string }>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<CallEvent['type'], true> = {
  CallAnnounced: true,
  CallRevised: true,
  CallClosed: true,
  CallCancelled: true,
};
export const CALL_EVENT_TYPES = Object.keys(EVENT_TYPES) as CallEvent['type'][];
