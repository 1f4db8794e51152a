import { specFor } from '@concord/kernel/testing';
import type { CooperationFrameworkCommand } from './cooperation-framework.commands';
import { cooperationFrameworkDecider } from './cooperation-framework.decider';
import { frameworkResultId, type CooperationFrameworkEvent, type Indicator } from './cooperation-framework.events';

const given = specFor(cooperationFrameworkDecider);

const created: CooperationFrameworkEvent = {
  type: 'CooperationFrameworkCreated',
  data: {
    code: 'KHM-UNSDCF-2019',
    title: 'UNDAF Cambodia 2019–2023',
    countries: ['KHM'],
    startDate: '2019-01-01',
    endDate: '2023-12-31',
  },
};
const create = (
  data: Partial<Extract<CooperationFrameworkCommand, { type: 'CreateCooperationFramework' }>['data']> = {},
): CooperationFrameworkCommand => ({ type: 'CreateCooperationFramework', data: { ...created.data, ...data } });
const priority: CooperationFrameworkEvent = {
  type: 'FrameworkStrategicPriorityAdded',
  data: { code: 'SP1', title: 'People', sdgTargets: ['1.3'] },
};
const outcome: CooperationFrameworkEvent = {
  type: 'FrameworkOutcomeAdded',
  data: { priorityCode: 'SP1', code: '1.1', title: 'Social protection coverage', sdgTargets: ['1.3'] },
};
const output: CooperationFrameworkEvent = {
  type: 'FrameworkOutputAdded',
  data: { outcomeCode: '1.1', code: '1.1.1', title: 'Registry', sdgTargets: [] },
};
const coverage: Indicator = { code: 'IND-1', name: 'Coverage', baseline: '12.5', target: '40', unit: '%' };
const activated: CooperationFrameworkEvent = { type: 'CooperationFrameworkActivated', data: {} };
const closed: CooperationFrameworkEvent = { type: 'CooperationFrameworkClosed', data: {} };

describe('Cooperation framework creation', () => {
  it('creates a framework for its countries and period', () =>
    given()
      .when(create({ title: '  UNDAF Cambodia 2019–2023 ', countries: ['KHM', 'KHM'] }))
      .then([created]));

  it('refuses a period that does not end after it starts, naming both dates', () =>
    given()
      .when(create({ startDate: '2023-12-31', endDate: '2019-01-01' }))
      .thenThrows('PERIOD_ENDS_BEFORE_START', /^endDate: 2019-01-01 is not after startDate 2023-12-31/));

  it('refuses an impossible date', () =>
    given()
      .when(create({ startDate: '2019-02-30' }))
      .thenThrows('INVALID_DATE', /^startDate: must be a calendar date written YYYY-MM-DD/));

  it('refuses a framework without countries, or with an unknown one', () => {
    given()
      .when(create({ countries: [] }))
      .thenThrows('COUNTRY_REQUIRED', /^countries: must name at least one country/);
    given()
      .when(create({ countries: ['KHM', 'XYZ'] }))
      .thenThrows('UNKNOWN_CODE', /^countries\[1\]: is not an ISO 3166-1 alpha-3/);
  });

  it('refuses a malformed code and an empty title', () => {
    given()
      .when(create({ code: 'KHM UNSDCF' }))
      .thenThrows('INVALID_CODE', /^code:/);
    given()
      .when(create({ title: ' ' }))
      .thenThrows('TEXT_REQUIRED', /^title: must not be empty/);
  });

  it('refuses to create the same framework twice, naming its state', () =>
    given(created)
      .when(create())
      .thenThrows('INVALID_TRANSITION', /CooperationFramework is DRAFT; cannot create/));

  it('refuses changes to a framework that does not exist', () =>
    given()
      .when({ type: 'AddStrategicPriority', data: { code: 'SP1', title: 'People' } })
      .thenThrows('FRAMEWORK_NOT_FOUND'));
});

describe('Results hierarchy', () => {
  it('adds a strategic priority with its SDG targets', () =>
    given(created)
      .when({ type: 'AddStrategicPriority', data: { code: 'SP1', title: 'People', sdgTargets: ['1.3', '1.3'] } })
      .then([priority]));

  it('adds an outcome under a priority and an output under an outcome', () => {
    given(created, priority)
      .when({
        type: 'AddOutcome',
        data: { priorityCode: 'SP1', code: '1.1', title: 'Social protection coverage', sdgTargets: ['1.3'] },
      })
      .then([outcome]);
    given(created, priority, outcome)
      .when({ type: 'AddOutput', data: { outcomeCode: '1.1', code: '1.1.1', title: 'Registry' } })
      .then([output]);
  });

  it('refuses an unknown SDG target, naming it', () =>
    given(created)
      .when({ type: 'AddStrategicPriority', data: { code: 'SP1', title: 'People', sdgTargets: ['1.3', '99.9'] } })
      .thenThrows('UNKNOWN_CODE', /^sdgTargets\[1\]: is not an SDG target/));

  it('refuses an outcome under an unknown priority, naming the code', () =>
    given(created, priority)
      .when({ type: 'AddOutcome', data: { priorityCode: 'SP9', code: '9.1', title: 'X' } })
      .thenThrows('UNKNOWN_PARENT', /^priorityCode: KHM-UNSDCF-2019 has no strategic priority SP9/));

  it('refuses an output whose parent is not an outcome', () =>
    given(created, priority)
      .when({ type: 'AddOutput', data: { outcomeCode: 'SP1', code: '1.0.1', title: 'X' } })
      .thenThrows('UNKNOWN_PARENT', /^outcomeCode: SP1 is a strategic priority, not an outcome/));

  it('refuses a code already used anywhere in the framework, naming what uses it', () => {
    given(created, priority, outcome)
      .when({ type: 'AddOutput', data: { outcomeCode: '1.1', code: 'SP1', title: 'X' } })
      .thenThrows('DUPLICATE_RESULT_CODE', /^code: is already used by a strategic priority of KHM-UNSDCF-2019/);
    given(created, priority, outcome)
      .when({ type: 'AddOutcome', data: { priorityCode: 'SP1', code: '1.1', title: 'X' } })
      .thenThrows('DUPLICATE_RESULT_CODE', /an outcome of KHM-UNSDCF-2019/);
  });

  it('keeps accepting results once active, but not once closed', () => {
    given(created, priority, activated)
      .when({ type: 'AddOutcome', data: { priorityCode: 'SP1', code: '1.2', title: 'Y' } })
      .then([
        { type: 'FrameworkOutcomeAdded', data: { priorityCode: 'SP1', code: '1.2', title: 'Y', sdgTargets: [] } },
      ]);
    given(created, priority, activated, closed)
      .when({ type: 'AddOutcome', data: { priorityCode: 'SP1', code: '1.2', title: 'Y' } })
      .thenThrows('INVALID_TRANSITION', /CooperationFramework is CLOSED; cannot add an outcome/);
  });
});

describe('Indicators', () => {
  const define = (resultCode: string, indicator: Partial<Indicator> = {}): CooperationFrameworkCommand => ({
    type: 'DefineIndicator',
    data: { resultCode, indicator: { ...coverage, ...indicator } },
  });

  it('defines an indicator on an outcome, with canonical decimal strings', () =>
    given(created, priority, outcome)
      .when(define('1.1', { baseline: '12.50', target: '40.0' }))
      .then([{ type: 'FrameworkIndicatorDefined', data: { resultCode: '1.1', indicator: coverage } }]));

  it('redefines an indicator on an output, and ignores an identical repeat', () => {
    const defined: CooperationFrameworkEvent = {
      type: 'FrameworkIndicatorDefined',
      data: { resultCode: '1.1.1', indicator: coverage },
    };
    given(created, priority, outcome, output, defined)
      .when(define('1.1.1', { target: '55' }))
      .then([
        { type: 'FrameworkIndicatorDefined', data: { resultCode: '1.1.1', indicator: { ...coverage, target: '55' } } },
      ]);
    given(created, priority, outcome, output, defined).when(define('1.1.1')).then([]);
  });

  it('refuses an indicator on a strategic priority or on an unknown result', () => {
    given(created, priority)
      .when(define('SP1'))
      .thenThrows('INDICATOR_ON_PRIORITY', /^resultCode: SP1 is a strategic priority; indicators belong to outcomes/);
    given(created, priority)
      .when(define('7.7'))
      .thenThrows('UNKNOWN_RESULT', /^resultCode: KHM-UNSDCF-2019 has no result 7.7/);
  });

  it('refuses a baseline or target that is not a decimal string', () => {
    given(created, priority, outcome)
      .when(define('1.1', { baseline: 'about 12' }))
      .thenThrows('INVALID_DECIMAL', /^indicator\.baseline: must be a decimal number/);
    given(created, priority, outcome)
      .when(define('1.1', { target: '1e3' }))
      .thenThrows('INVALID_DECIMAL', /^indicator\.target:/);
  });

  it('refuses an indicator without a unit', () =>
    given(created, priority, outcome)
      .when(define('1.1', { unit: '' }))
      .thenThrows('TEXT_REQUIRED', /^indicator\.unit:/));

  it('refuses new indicators once the framework is closed', () =>
    given(created, priority, outcome, activated, closed)
      .when(define('1.1'))
      .thenThrows('INVALID_TRANSITION', /is CLOSED; cannot define an indicator/));
});

describe('Cooperation framework lifecycle', () => {
  const activate: CooperationFrameworkCommand = { type: 'ActivateCooperationFramework', data: {} };
  const close: CooperationFrameworkCommand = { type: 'CloseCooperationFramework', data: {} };

  it('goes DRAFT → ACTIVE → CLOSED', () => {
    given(created).when(activate).then([activated]);
    given(created, activated).when(close).then([closed]);
  });

  it('refuses transitions the lifecycle does not allow, naming the current state', () => {
    given(created)
      .when(close)
      .thenThrows('INVALID_TRANSITION', /^CooperationFramework is DRAFT; cannot close$/);
    given(created, activated)
      .when(activate)
      .thenThrows('INVALID_TRANSITION', /is ACTIVE; cannot activate/);
    given(created, activated, closed)
      .when(activate)
      .thenThrows('INVALID_TRANSITION', /is CLOSED; cannot activate/);
  });
});

describe('Result ids', () => {
  it('are the framework id and the result code', () => expect(frameworkResultId('f-1', '1.1.1')).toBe('f-1:1.1.1'));
});
