import { assertNever, ConcordError, lifecycleError, type Decider } from '@concord/kernel';
import type { CooperationFrameworkCommand } from './cooperation-framework.commands';
import type {
  CooperationFrameworkEvent,
  CooperationFrameworkStatus,
  FrameworkResultKind,
  Indicator,
} from './cooperation-framework.events';
import {
  bad,
  decimalText,
  validCode,
  validCodes,
  validCountries,
  validDate,
  validDecimal,
  validText,
} from './field-rules';

export interface FrameworkResultState {
  kind: FrameworkResultKind;
  parentCode?: string;
  /** indicator code → indicator */
  indicators: Record<string, Indicator>;
}

export type CooperationFrameworkState =
  | { status: 'none' }
  | {
      status: CooperationFrameworkStatus;
      code: string;
      countries: string[];
      /** result code → result; codes are unique across the whole hierarchy */
      results: Record<string, FrameworkResultState>;
    };
type Existing = Exclude<CooperationFrameworkState, { status: 'none' }>;

const MAX_TITLE = 300;
const MAX_UNIT = 50;
const NOUN: Record<FrameworkResultKind, string> = {
  STRATEGIC_PRIORITY: 'strategic priority',
  OUTCOME: 'outcome',
  OUTPUT: 'output',
};
const withArticle = (kind: FrameworkResultKind) => `${kind === 'STRATEGIC_PRIORITY' ? 'a' : 'an'} ${NOUN[kind]}`;

function validPeriod(startDate: string, endDate: string): { startDate: string; endDate: string } {
  validDate('startDate', startDate);
  validDate('endDate', endDate);
  if (endDate <= startDate) {
    throw bad('PERIOD_ENDS_BEFORE_START', 'endDate', endDate, `${endDate} is not after startDate ${startDate}`);
  }
  return { startDate, endDate };
}

/** Results can be added and refined while the framework is drafted or running, not once closed. */
function requireOpen(state: Existing, attempted: string): void {
  if (state.status === 'CLOSED') throw lifecycleError('CooperationFramework', state.status, attempted);
}

function newResultCode(state: Existing, code: string): string {
  validCode('code', code);
  const taken = state.results[code];
  if (taken) {
    throw bad('DUPLICATE_RESULT_CODE', 'code', code, `is already used by ${withArticle(taken.kind)} of ${state.code}`);
  }
  return code;
}

/** The parent named by `path` must exist and be of the kind one level up. */
function parentCode(state: Existing, path: string, code: string, kind: FrameworkResultKind): string {
  const parent = state.results[code];
  if (!parent) throw bad('UNKNOWN_PARENT', path, code, `${state.code} has no ${NOUN[kind]} ${code}`);
  if (parent.kind !== kind) {
    throw bad('UNKNOWN_PARENT', path, code, `${code} is ${withArticle(parent.kind)}, not ${withArticle(kind)}`);
  }
  return code;
}

const validSdgTargets = (targets: string[] | undefined) =>
  validCodes('sdgTargets', 'sdgTarget', 'an SDG target', targets);

function validIndicator(indicator: Indicator): Indicator {
  return {
    code: validCode('indicator.code', indicator.code),
    name: validText('indicator.name', indicator.name, MAX_TITLE),
    baseline: decimalText(validDecimal('indicator.baseline', indicator.baseline)),
    target: decimalText(validDecimal('indicator.target', indicator.target)),
    unit: validText('indicator.unit', indicator.unit, MAX_UNIT),
  };
}

const sameIndicator = (a: Indicator | undefined, b: Indicator) => JSON.stringify(a) === JSON.stringify(b);

function decideCreation(
  command: Extract<CooperationFrameworkCommand, { type: 'CreateCooperationFramework' }>,
): CooperationFrameworkEvent[] {
  const { code, title, countries, startDate, endDate } = command.data;
  return [
    {
      type: 'CooperationFrameworkCreated',
      data: {
        code: validCode('code', code),
        title: validText('title', title, MAX_TITLE),
        countries: validCountries('countries', countries),
        ...validPeriod(startDate, endDate),
      },
    },
  ];
}

function decideChange(command: CooperationFrameworkCommand, state: Existing): CooperationFrameworkEvent[] {
  switch (command.type) {
    case 'CreateCooperationFramework':
      throw lifecycleError('CooperationFramework', state.status, 'create it again');
    case 'AddStrategicPriority': {
      requireOpen(state, 'add a strategic priority');
      const { code, title, sdgTargets } = command.data;
      return [
        {
          type: 'FrameworkStrategicPriorityAdded',
          data: {
            code: newResultCode(state, code),
            title: validText('title', title, MAX_TITLE),
            sdgTargets: validSdgTargets(sdgTargets),
          },
        },
      ];
    }
    case 'AddOutcome': {
      requireOpen(state, 'add an outcome');
      const { priorityCode, code, title, sdgTargets } = command.data;
      return [
        {
          type: 'FrameworkOutcomeAdded',
          data: {
            priorityCode: parentCode(state, 'priorityCode', priorityCode, 'STRATEGIC_PRIORITY'),
            code: newResultCode(state, code),
            title: validText('title', title, MAX_TITLE),
            sdgTargets: validSdgTargets(sdgTargets),
          },
        },
      ];
    }
    case 'AddOutput': {
      requireOpen(state, 'add an output');
      const { outcomeCode, code, title, sdgTargets } = command.data;
      return [
        {
          type: 'FrameworkOutputAdded',
          data: {
            outcomeCode: parentCode(state, 'outcomeCode', outcomeCode, 'OUTCOME'),
            code: newResultCode(state, code),
            title: validText('title', title, MAX_TITLE),
            sdgTargets: validSdgTargets(sdgTargets),
          },
        },
      ];
    }
    case 'DefineIndicator': {
      requireOpen(state, 'define an indicator');
      const { resultCode } = command.data;
      const result = state.results[resultCode];
      if (!result) throw bad('UNKNOWN_RESULT', 'resultCode', resultCode, `${state.code} has no result ${resultCode}`);
      if (result.kind === 'STRATEGIC_PRIORITY') {
        throw bad(
          'INDICATOR_ON_PRIORITY',
          'resultCode',
          resultCode,
          `${resultCode} is a strategic priority; indicators belong to outcomes and outputs`,
        );
      }
      const indicator = validIndicator(command.data.indicator);
      if (sameIndicator(result.indicators[indicator.code], indicator)) return [];
      return [{ type: 'FrameworkIndicatorDefined', data: { resultCode, indicator } }];
    }
    case 'ActivateCooperationFramework':
      if (state.status !== 'DRAFT') throw lifecycleError('CooperationFramework', state.status, 'activate');
      return [{ type: 'CooperationFrameworkActivated', data: {} }];
    case 'CloseCooperationFramework':
      if (state.status !== 'ACTIVE') throw lifecycleError('CooperationFramework', state.status, 'close');
      return [{ type: 'CooperationFrameworkClosed', data: {} }];
    default:
      return assertNever(command);
  }
}

const addResult = (state: CooperationFrameworkState, code: string, result: FrameworkResultState) =>
  state.status === 'none' ? state : { ...state, results: { ...state.results, [code]: result } };

/** What may happen to a Cooperation Framework, as pure functions (ARCHITECTURE §5, programming). */
export const cooperationFrameworkDecider: Decider<
  CooperationFrameworkCommand,
  CooperationFrameworkEvent,
  CooperationFrameworkState
> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (state.status !== 'none') return decideChange(command, state);
    if (command.type === 'CreateCooperationFramework') return decideCreation(command);
    throw new ConcordError('NOT_FOUND', 'FRAMEWORK_NOT_FOUND', 'No such cooperation framework');
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CooperationFrameworkCreated':
        return { status: 'DRAFT', code: event.data.code, countries: event.data.countries, results: {} };
      case 'FrameworkStrategicPriorityAdded':
        return addResult(state, event.data.code, { kind: 'STRATEGIC_PRIORITY', indicators: {} });
      case 'FrameworkOutcomeAdded':
        return addResult(state, event.data.code, {
          kind: 'OUTCOME',
          parentCode: event.data.priorityCode,
          indicators: {},
        });
      case 'FrameworkOutputAdded':
        return addResult(state, event.data.code, {
          kind: 'OUTPUT',
          parentCode: event.data.outcomeCode,
          indicators: {},
        });
      case 'FrameworkIndicatorDefined': {
        if (state.status === 'none') return state;
        const result = state.results[event.data.resultCode];
        const indicators = { ...result.indicators, [event.data.indicator.code]: event.data.indicator };
        return addResult(state, event.data.resultCode, { ...result, indicators });
      }
      case 'CooperationFrameworkActivated':
        return state.status === 'none' ? state : { ...state, status: 'ACTIVE' };
      case 'CooperationFrameworkClosed':
        return state.status === 'none' ? state : { ...state, status: 'CLOSED' };
      default:
        return assertNever(event);
    }
  },
};
