import type { Money } from '../../money/money';
import type { CallDetails, CallEligibility } from './call.events';

/**
 * The fund as the command handler found it in the funds' read model (`funding_funds`); the
 * decider checks the call may be announced under it.
 */
export interface FundFacts {
  id: string;
  code: string;
  status: string;
  managingOrganisation: string;
  /** Codes of the fund's windows. */
  windows: string[];
}

/** Eligibility as a command gives it: what is left out means "any" (and not joint-only). */
export type CallEligibilityInput = Partial<CallEligibility>;

/** The details as a command gives them: the envelope and eligibility may be left out. */
export type CallDetailsInput = Pick<CallDetails, 'title' | 'theme' | 'opensOn' | 'closesOn'> & {
  envelope?: Money | null;
  eligibility?: CallEligibilityInput | null;
};

/** Everything one can ask of a call. The fund and window are fixed when it is announced. */
export type CallCommand =
  | {
      type: 'AnnounceCall';
      data: CallDetailsInput & {
        /** The Fund stream id. */
        fundId: string;
        /** A window code of the fund, or null/absent when the call is not under a window. */
        window?: string | null;
        /** Filled in by the command handler from the funds' read model, never by the caller. */
        fund: FundFacts;
      };
    }
  /** Each given field replaces the current one (eligibility as a whole); `envelope: null` removes it. */
  | {
      type: 'ReviseCall';
      data: Partial<Omit<CallDetailsInput, 'eligibility'>> & { eligibility?: CallEligibilityInput };
    }
  /** Closes it for applications; `on` is an ISO date, today when omitted. */
  | { type: 'CloseCall'; data: { on?: string } }
  | { type: 'CancelCall'; data: { reason: string } };
