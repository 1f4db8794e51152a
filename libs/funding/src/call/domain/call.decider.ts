import { assertNever, ConcordError, lifecycleError, type Decider } from '@concord/kernel';
import { isCountryCode, isOrganisationType } from '@concord/reference';
import { bad, checkOrder, sameJson, validDate, validDateOrToday, validText } from '../../fund/domain/fund.rules';
import { validMoney } from '../../money/money';
import type { CallCommand, CallDetailsInput, CallEligibilityInput, FundFacts } from './call.commands';
import type { CallDetails, CallEligibility, CallEvent, CallFund } from './call.events';

export type CallStatus = 'ANNOUNCED' | 'CLOSED' | 'CANCELLED';

export interface AnnouncedCall extends CallFund {
  status: CallStatus;
  details: CallDetails;
}

export type CallState = { status: 'none' } | AnnouncedCall;

type Command<T extends CallCommand['type']> = Extract<CallCommand, { type: T }>['data'];
type Events = CallEvent[];

const MAX_TITLE = 200;
const MAX_THEME = 500;
const MAX_NOTES = 2_000;
const MAX_REASON = 1_000;

/** The details in the order events carry them; a revision lists what changed in this order too. */
export const CALL_DETAIL_FIELDS: (keyof CallDetails)[] = [
  'title',
  'theme',
  'envelope',
  'opensOn',
  'closesOn',
  'eligibility',
];

/** Eligibility with each country and organisation type once; what is left out means "any". */
function validEligibility(input: CallEligibilityInput | null | undefined): CallEligibility {
  const countries = (input?.countries ?? []).map((country, i) => {
    if (!isCountryCode(country)) {
      throw bad('UNKNOWN_CODE', `eligibility.countries[${i}]`, country, 'is not an ISO 3166-1 alpha-3 country code');
    }
    return country;
  });
  const organisationTypes = (input?.organisationTypes ?? []).map((type, i) => {
    if (!isOrganisationType(type)) {
      throw bad(
        'UNKNOWN_CODE',
        `eligibility.organisationTypes[${i}]`,
        type,
        'is not an IATI OrganisationType code, e.g. 40 (multilateral)',
      );
    }
    return type;
  });
  const notes = input?.notes?.trim() ? validText('eligibility.notes', input.notes, MAX_NOTES) : null;
  return {
    countries: [...new Set(countries)],
    organisationTypes: [...new Set(organisationTypes)],
    jointOnly: input?.jointOnly === true,
    notes,
  };
}

/** The whole details, checked field by field, in the order events carry them. */
export function validDetails(input: CallDetailsInput): CallDetails {
  const title = validText('title', input.title, MAX_TITLE);
  const theme = validText('theme', input.theme, MAX_THEME);
  const envelope = input.envelope == null ? null : validMoney('envelope', input.envelope);
  const opensOn = validDate('opensOn', input.opensOn);
  const closesOn = validDate('closesOn', input.closesOn);
  checkOrder('opensOn', opensOn, 'closesOn', closesOn);
  return { title, theme, envelope, opensOn, closesOn, eligibility: validEligibility(input.eligibility) };
}

/** A call is announced only under an active fund, and only under one of its windows. */
function checkFund(fundId: string, window: string | null, fund: FundFacts): void {
  if (fund.status !== 'ACTIVE') {
    throw new ConcordError(
      'CONFLICT',
      'FUND_NOT_ACTIVE',
      `Fund ${fund.code} is ${fund.status}; cannot announce a call under it`,
      [{ path: 'fundId', value: fundId, message: `fund ${fund.code} is ${fund.status}` }],
    );
  }
  if (window !== null && !fund.windows.includes(window)) {
    const known = fund.windows.length ? `its windows: ${fund.windows.join(', ')}` : 'it has no windows';
    throw bad('UNKNOWN_WINDOW', 'window', window, `is not a window of fund ${fund.code} (${known})`);
  }
}

function announce(data: Command<'AnnounceCall'>, state: CallState): Events {
  if (state.status !== 'none') throw lifecycleError('Call', state.status, 'announce it again');
  const { fundId, fund } = data;
  const window = data.window ?? null;
  checkFund(fundId, window, fund);
  const { title, ...details } = validDetails(data);
  const { code: fundCode, managingOrganisation } = fund;
  return [{ type: 'CallAnnounced', data: { fundId, fundCode, managingOrganisation, title, window, ...details } }];
}

/** Only the given fields replace; nothing is recorded when nothing changes. */
function revise(call: AnnouncedCall, data: Command<'ReviseCall'>): Events {
  const given = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  const details = validDetails({ ...call.details, ...given });
  const changed = CALL_DETAIL_FIELDS.filter((field) => !sameJson(call.details[field], details[field]));
  return changed.length ? [{ type: 'CallRevised', data: { changed, details } }] : [];
}

/** The call a command acts on: it must exist and still be announced. */
function announcedCall(state: CallState, attempted: string): AnnouncedCall {
  if (state.status === 'none') throw new ConcordError('NOT_FOUND', 'CALL_NOT_FOUND', 'No such call');
  if (state.status !== 'ANNOUNCED') throw lifecycleError('Call', state.status, attempted);
  return state;
}

/** What may happen to a call for proposals, as pure functions (ARCHITECTURE §5, funding). */
export const callDecider: Decider<CallCommand, CallEvent, CallState> = {
  initialState: { status: 'none' },

  decide(command, state, ctx) {
    switch (command.type) {
      case 'AnnounceCall':
        return announce(command.data, state);
      case 'ReviseCall':
        return revise(announcedCall(state, 'revise it'), command.data);
      case 'CloseCall':
        announcedCall(state, 'close it');
        return [{ type: 'CallClosed', data: { on: validDateOrToday('on', command.data.on, ctx) } }];
      case 'CancelCall':
        announcedCall(state, 'cancel it');
        return [{ type: 'CallCancelled', data: { reason: validText('reason', command.data.reason, MAX_REASON) } }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CallAnnounced': {
        const { fundId, fundCode, managingOrganisation, window, ...details } = event.data;
        return { status: 'ANNOUNCED', fundId, fundCode, managingOrganisation, window, details };
      }
      case 'CallRevised':
        return state.status === 'none' ? state : { ...state, details: event.data.details };
      case 'CallClosed':
        return state.status === 'none' ? state : { ...state, status: 'CLOSED' };
      case 'CallCancelled':
        return state.status === 'none' ? state : { ...state, status: 'CANCELLED' };
      default:
        return assertNever(event);
    }
  },
};
