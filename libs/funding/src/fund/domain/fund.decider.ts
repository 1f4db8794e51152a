import { assertNever, ConcordError, lifecycleError, type Decider } from '@concord/kernel';
import { FUND_KINDS, type FundKind } from '../../funding.vocabulary';
import { validMoney } from '../../money/money';
import type { FundCommand, FundDetailsInput } from './fund.commands';
import type { FundDetails, FundEvent, FundWindow } from './fund.events';
import {
  bad,
  checkOrder,
  sameJson,
  validCode,
  validDate,
  validDateOrToday,
  validOrganisationCode,
  validText,
} from './fund.rules';

export type FundStatus = 'ACTIVE' | 'CLOSED';

export interface EstablishedFund {
  status: FundStatus;
  code: string;
  details: FundDetails;
}

export type FundState = { status: 'none' } | EstablishedFund;

type Command<T extends FundCommand['type']> = Extract<FundCommand, { type: T }>['data'];
type Events = FundEvent[];

/** The details in the order events carry them; a revision lists what changed in this order too. */
export const FUND_DETAIL_FIELDS: (keyof FundDetails)[] = [
  'name',
  'kind',
  'managingOrganisation',
  'contributors',
  'windows',
  'target',
  'start',
  'end',
];

function validKind(kind: string): FundKind {
  if (!(FUND_KINDS as readonly string[]).includes(kind)) {
    throw bad('UNKNOWN_CODE', 'kind', kind, `is not a fund kind: ${FUND_KINDS.join(', ')}`);
  }
  return kind as FundKind;
}

/** Organisation codes, each once, in the order given. */
function validContributors(contributors: readonly string[] | null | undefined): string[] {
  const codes = (contributors ?? []).map((code, i) => validOrganisationCode(`contributors[${i}]`, code));
  return [...new Set(codes)];
}

/** Windows with codes unique within the fund and a title each. */
function validWindows(windows: readonly FundWindow[] | null | undefined): FundWindow[] {
  const seen = new Map<string, number>();
  return (windows ?? []).map((window, i) => {
    const code = validCode(`windows[${i}].code`, window?.code);
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      throw bad('DUPLICATE_CODE', `windows[${i}].code`, code, `is already the code of windows[${earlier}]`);
    }
    seen.set(code, i);
    return { code, title: validText(`windows[${i}].title`, window?.title) };
  });
}

/** The whole details, checked field by field, in the order events carry them. */
export function validDetails(input: FundDetailsInput): FundDetails {
  const name = validText('name', input.name);
  const kind = validKind(input.kind);
  const managingOrganisation = validOrganisationCode('managingOrganisation', input.managingOrganisation);
  const contributors = validContributors(input.contributors);
  const windows = validWindows(input.windows);
  const target = input.target == null ? null : validMoney('target', input.target);
  const start = input.start == null ? null : validDate('start', input.start);
  const end = input.end == null ? null : validDate('end', input.end);
  if (start && end) checkOrder('start', start, 'end', end);
  return { name, kind, managingOrganisation, contributors, windows, target, start, end };
}

function establish(data: Command<'EstablishFund'>, state: FundState): Events {
  if (state.status !== 'none') throw lifecycleError('Fund', state.status, 'establish it again');
  const { code, ...details } = data;
  return [{ type: 'FundEstablished', data: { code: validCode('code', code), ...validDetails(details) } }];
}

/** Only the given fields replace; nothing is recorded when nothing changes. */
function revise(fund: EstablishedFund, data: Command<'ReviseFund'>): Events {
  const given = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  const details = validDetails({ ...fund.details, ...given });
  const changed = FUND_DETAIL_FIELDS.filter((field) => !sameJson(fund.details[field], details[field]));
  return changed.length ? [{ type: 'FundRevised', data: { changed, details } }] : [];
}

/** The fund a command acts on: it must exist and be active. */
function activeFund(state: FundState, attempted: string): EstablishedFund {
  if (state.status === 'none') throw new ConcordError('NOT_FOUND', 'FUND_NOT_FOUND', 'No such fund');
  if (state.status !== 'ACTIVE') throw lifecycleError('Fund', state.status, attempted);
  return state;
}

/** What may happen to a fund, as pure functions (ARCHITECTURE §5, funding). */
export const fundDecider: Decider<FundCommand, FundEvent, FundState> = {
  initialState: { status: 'none' },

  decide(command, state, ctx) {
    switch (command.type) {
      case 'EstablishFund':
        return establish(command.data, state);
      case 'ReviseFund':
        return revise(activeFund(state, 'revise it'), command.data);
      case 'CloseFund':
        activeFund(state, 'close it again');
        return [{ type: 'FundClosed', data: { on: validDateOrToday('on', command.data.on, ctx) } }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'FundEstablished': {
        const { code, ...details } = event.data;
        return { status: 'ACTIVE', code, details };
      }
      case 'FundRevised':
        return state.status === 'none' ? state : { ...state, details: event.data.details };
      case 'FundClosed':
        return state.status === 'none' ? state : { ...state, status: 'CLOSED' };
      default:
        return assertNever(event);
    }
  },
};
