import { ConcordError } from '@concord/kernel';
import { specFor, testContext } from '@concord/kernel/testing';
import type { ActivityCommand, ActivityDetailsInput, BudgetLineInput } from './activity.commands';
import { activityDecider } from './activity.decider';
import type { ActivityDetails, ActivityEvent } from './activity.events';

const given = specFor(activityDecider);

type RegisterData = Extract<ActivityCommand, { type: 'RegisterActivity' }>['data'];

/** The FORMAT.md example activity, as a caller sends it. */
const anActivity = (overrides: Partial<RegisterData> = {}): RegisterData => ({
  titles: { en: 'Fiscal space analysis for a universal child benefit' },
  organisation: 'ILO',
  partners: [{ organisation: 'UNICEF', role: 'IMPLEMENTING' }],
  country: 'KHM',
  areas: ['Phnom Penh', 'Kampong Cham'],
  policyAreas: ['FINANCING'],
  guarantees: ['CHILDREN'],
  stages: ['SCHEME_DESIGN'],
  functions: ['COSTING_FISCAL_SPACE'],
  targetGroups: ['CHILDREN'],
  counterparts: ['Ministry of Economy and Finance'],
  start: '2020-03-01',
  end: '2021-12-31',
  fundingSources: ['Joint SDG Fund'],
  sdgTargets: ['1.3', '10.4'],
  ...overrides,
});
const register = (overrides: Partial<RegisterData> = {}): ActivityCommand => ({
  type: 'RegisterActivity',
  data: anActivity(overrides),
});

const details: ActivityDetails = {
  titles: { en: 'Fiscal space analysis for a universal child benefit' },
  descriptions: {},
  language: 'en',
  organisation: 'ILO',
  partners: [{ organisation: 'UNICEF', role: 'IMPLEMENTING' }],
  country: 'KHM',
  areas: ['Phnom Penh', 'Kampong Cham'],
  policyAreas: ['FINANCING'],
  guarantees: ['CHILDREN'],
  stages: ['SCHEME_DESIGN'],
  functions: ['COSTING_FISCAL_SPACE'],
  targetGroups: ['CHILDREN'],
  counterparts: ['Ministry of Economy and Finance'],
  start: '2020-03-01',
  end: '2021-12-31',
  fundingSources: ['Joint SDG Fund'],
  frameworkOutputId: null,
  sdgTargets: ['1.3', '10.4'],
  genderMarker: null,
  humanRightsMarker: null,
};
const registered = (overrides: Partial<Extract<ActivityEvent, { type: 'ActivityRegistered' }>['data']> = {}) =>
  ({
    type: 'ActivityRegistered',
    data: {
      ...details,
      status: 'PIPELINE',
      budget: [],
      jointProgrammeId: null,
      jointProgrammePeriod: null,
      externalIds: [],
      source: 'MANUAL',
      ...overrides,
    },
  }) as const satisfies ActivityEvent;

const statusChanged = (from: string, to: string) =>
  ({ type: 'ActivityStatusChanged', data: { from, to } }) as ActivityEvent;
const revise = (overrides: Partial<ActivityDetailsInput> & Record<string, unknown> = {}): ActivityCommand => ({
  type: 'ReviseActivity',
  data: { ...anActivity(), ...overrides },
});
const line2020 = { year: 2020, currency: 'USD', required: '100000.00', available: '80000.00', spent: '0.00' };

/** The field errors of what `command` throws, for asserting several at once. */
function fieldsOf(history: ActivityEvent[], command: ActivityCommand) {
  const state = history.reduce(activityDecider.evolve, activityDecider.initialState);
  try {
    activityDecider.decide(command, state, testContext);
  } catch (error) {
    expect(error).toBeInstanceOf(ConcordError);
    return (error as ConcordError).fields;
  }
  throw new Error('expected the command to be refused');
}

describe('Activity registration', () => {
  it('registers the FORMAT.md example in PIPELINE from a manual entry', () =>
    given().when(register()).then([registered()]));

  it('keeps every optional field, in one canonical spelling of texts, code lists and amounts', () =>
    given()
      .when(
        register({
          titles: { en: ' Child benefit ', fr: 'Allocation familiale' },
          descriptions: { fr: 'Étude', en: '' },
          language: 'fr',
          areas: [' Phnom Penh ', 'Phnom Penh', '', 'Kampot'],
          policyAreas: ['SHOCK_RESPONSIVE', 'FINANCING', 'FINANCING'],
          sdgTargets: ['10.4', '1.3', '1.a'],
          status: 'IMPLEMENTATION',
          budget: [
            { year: 2021, currency: 'USD', required: '5', available: '0.5' },
            { year: 2020, currency: 'USD', required: '100000', available: '80000.0', spent: '0' },
          ],
          jointProgrammeId: 'JP-KHM-01',
          frameworkOutputId: 'KHM-1.2.3',
          genderMarker: 2,
          humanRightsMarker: 0,
          externalIds: [{ system: 'IATI', id: 'XM-DAC-41302-KHM-17' }],
          source: 'IATI',
        }),
      )
      .then([
        registered({
          titles: { en: 'Child benefit', fr: 'Allocation familiale' },
          descriptions: { fr: 'Étude' },
          language: 'fr',
          areas: ['Phnom Penh', 'Kampot'],
          policyAreas: ['FINANCING', 'SHOCK_RESPONSIVE'],
          sdgTargets: ['1.3', '1.a', '10.4'],
          status: 'IMPLEMENTATION',
          budget: [line2020, { year: 2021, currency: 'USD', required: '5.00', available: '0.50', spent: '0.00' }],
          jointProgrammeId: 'JP-KHM-01',
          frameworkOutputId: 'KHM-1.2.3',
          genderMarker: 2,
          humanRightsMarker: 0,
          externalIds: [{ system: 'IATI', id: 'XM-DAC-41302-KHM-17' }],
          source: 'IATI',
        }),
      ]));

  it('takes the language of the only title when none is given', () =>
    given()
      .when(register({ titles: { es: 'Protección social' } }))
      .then([expect.objectContaining({ data: expect.objectContaining({ language: 'es' }) })]));

  it('refuses an activity without any title', () =>
    given()
      .when(register({ titles: { en: '  ' } }))
      .thenThrows('TITLE_REQUIRED', /^titles: must give a title in at least one of en, fr, es, pt/));

  it('refuses a language with no title in it', () =>
    given()
      .when(register({ language: 'pt' }))
      .thenThrows('TITLE_REQUIRED', /^titles\.pt: must be given in the activity's language \(pt\)/));

  it('refuses a language Concord does not hold, in the titles or as the language', () => {
    given()
      .when(register({ titles: { en: 'x', de: 'y' } as never }))
      .thenThrows('UNKNOWN_CODE', /^titles\.de: is not a language Concord holds/);
    given()
      .when(register({ language: 'de' }))
      .thenThrows('UNKNOWN_CODE', /^language: must be one of en, fr, es, pt/);
  });

  it('refuses an over-long title, saying the limit', () =>
    given()
      .when(register({ titles: { en: 'x'.repeat(501) } }))
      .thenThrows('TEXT_TOO_LONG', /^titles\.en: must be at most 500 characters \(is 501\)/));

  it('refuses a malformed lead or partner organisation code', () => {
    given()
      .when(register({ organisation: 'ilo' }))
      .thenThrows('INVALID_CODE', /^organisation: must be an organisation code/);
    given()
      .when(register({ partners: [{ organisation: 'UN Women', role: 'FUNDING' }] }))
      .thenThrows('INVALID_CODE', /^partners\[0\]\.organisation:/);
  });

  it('refuses a partner role that is not an IATI organisation role', () =>
    given()
      .when(register({ partners: [{ organisation: 'WFP', role: 'DONOR' }] }))
      .thenThrows(
        'UNKNOWN_CODE',
        /^partners\[0\]\.role: is not an IATI organisation role \(one of FUNDING, ACCOUNTABLE/,
      ));

  it('refuses an unknown country code', () =>
    given()
      .when(register({ country: 'KH' }))
      .thenThrows('UNKNOWN_CODE', /^country: is not an ISO 3166-1 alpha-3 country code/));

  it.each([
    ['policyAreas', 'a policy area'],
    ['guarantees', 'a floor guarantee'],
    ['stages', 'a delivery stage'],
    ['functions', 'a function'],
    ['targetGroups', 'a target group'],
  ])('refuses an unknown code in %s, naming the field, position and value', (field, what) => {
    given()
      .when(register({ [field]: ['SPACE_TRAVEL'] }))
      .thenThrows('UNKNOWN_CODE', new RegExp(`^${field}\\[0\\]: is not ${what} \\(one of `));
    expect(fieldsOf([], register({ [field]: ['SPACE_TRAVEL'] }))).toEqual([
      { path: `${field}[0]`, value: 'SPACE_TRAVEL', message: expect.any(String) },
    ]);
  });

  it('refuses an unknown SDG target', () =>
    given()
      .when(register({ sdgTargets: ['1.3', '99.9'] }))
      .thenThrows('UNKNOWN_CODE', /^sdgTargets\[1\]: is not an SDG target/));

  it('refuses a date that is not a calendar date', () => {
    given()
      .when(register({ start: '2021-02-30' }))
      .thenThrows('INVALID_DATE', /^start: must be a calendar date written YYYY-MM-DD/);
    given()
      .when(register({ end: '2021-13-01' }))
      .thenThrows('INVALID_DATE', /^end: must be a calendar date/);
    given()
      .when(register({ end: '31/12/2021' }))
      .thenThrows('INVALID_DATE', /^end: must be a calendar date/);
  });

  it('refuses a period that ends before it starts, naming both dates', () => {
    given()
      .when(register({ start: '2022-01-01', end: '2021-12-31' }))
      .thenThrows(
        'PERIOD_END_BEFORE_START',
        /^start: must not be after the end \(2021-12-31\); end: must not be before/,
      );
    expect(fieldsOf([], register({ start: '2022-01-01', end: '2021-12-31' }))).toEqual([
      { path: 'start', value: '2022-01-01', message: 'must not be after the end (2021-12-31)' },
      { path: 'end', value: '2021-12-31', message: 'must not be before the start (2022-01-01)' },
    ]);
  });

  it('refuses a marker outside 0–3', () => {
    given()
      .when(register({ genderMarker: 4 }))
      .thenThrows('INVALID_MARKER', /^genderMarker: must be a whole number from 0 to 3/);
    given()
      .when(register({ humanRightsMarker: -1 }))
      .thenThrows('INVALID_MARKER', /^humanRightsMarker:/);
  });

  it('refuses an unknown status and source', () => {
    given()
      .when(register({ status: 'ACTIVE' }))
      .thenThrows('UNKNOWN_CODE', /^status: is not an activity status \(one of PIPELINE, IMPLEMENTATION/);
    given()
      .when(register({ source: 'XML' }))
      .thenThrows('UNKNOWN_CODE', /^source: must be one of MANUAL, CSV, IATI/);
  });

  it('refuses malformed ids of linked records', () => {
    given()
      .when(register({ jointProgrammeId: 'JP KHM 01' }))
      .thenThrows('INVALID_ID', /^jointProgrammeId: must be 1–80 letters/);
    given()
      .when(register({ frameworkOutputId: 'x'.repeat(81) }))
      .thenThrows('INVALID_ID', /^frameworkOutputId:/);
  });

  describe('budget', () => {
    const withLine = (line: Partial<BudgetLineInput>) =>
      register({ budget: [{ year: 2020, currency: 'USD', required: '1', ...line }] });

    it('refuses a negative amount, a float-like spelling and more than two decimals', () => {
      given()
        .when(withLine({ required: '-5' }))
        .thenThrows('INVALID_AMOUNT', /^budget\[0\]\.required: must be a non-negative amount with at most 2 decimals/);
      given()
        .when(withLine({ available: '1e5' }))
        .thenThrows('INVALID_AMOUNT', /^budget\[0\]\.available:/);
      given()
        .when(withLine({ spent: '10.005' }))
        .thenThrows('INVALID_AMOUNT', /^budget\[0\]\.spent:/);
    });

    it('refuses a year outside 1990–2100 and an unknown currency', () => {
      given()
        .when(withLine({ year: 1989 }))
        .thenThrows('INVALID_YEAR', /^budget\[0\]\.year: must be a year from 1990 to 2100/);
      given()
        .when(withLine({ currency: 'XYZ' }))
        .thenThrows('UNKNOWN_CODE', /^budget\[0\]\.currency: is not an ISO 4217 currency code/);
    });

    it('refuses two lines for the same year and currency', () =>
      given()
        .when(
          register({
            budget: [
              { year: 2020, currency: 'USD', required: '1' },
              { year: 2020, currency: 'EUR', required: '1' },
              { year: 2020, currency: 'USD', required: '2' },
            ],
          }),
        )
        .thenThrows('DUPLICATE_BUDGET_LINE', /^budget\[2\]: repeats 2020 USD: give one line per year and currency/));
  });

  it('refuses a malformed or repeated external id', () => {
    given()
      .when(register({ externalIds: [{ system: 'iati', id: 'X-1' }] }))
      .thenThrows('INVALID_CODE', /^externalIds\[0\]\.system: must be 2–20 capital letters/);
    given()
      .when(register({ externalIds: [{ system: 'IATI', id: ' ' }] }))
      .thenThrows('INVALID_EXTERNAL_ID', /^externalIds\[0\]\.id: must be 1–200 characters/);
    given()
      .when(
        register({
          externalIds: [
            { system: 'IATI', id: 'X-1' },
            { system: 'IATI', id: 'X-1' },
          ],
        }),
      )
      .thenThrows('DUPLICATE_EXTERNAL_ID', /^externalIds\[1\]: is listed twice/);
  });

  it('reports every broken rule at once, each with its path and value', () => {
    const command = register({
      policyAreas: ['SPACE_TRAVEL'],
      start: '2022-01-01',
      end: '2021-01-01',
      country: 'ZZZ',
      budget: [{ year: 2021, currency: 'USD', required: '-1' }],
    });
    given().when(command).thenThrows('INVALID_INPUT');
    expect(fieldsOf([], command)).toEqual([
      { path: 'start', value: '2022-01-01', message: expect.any(String) },
      { path: 'end', value: '2021-01-01', message: expect.any(String) },
      { path: 'country', value: 'ZZZ', message: expect.any(String) },
      { path: 'policyAreas[0]', value: 'SPACE_TRAVEL', message: expect.any(String) },
      { path: 'budget[0].required', value: '-1', message: expect.any(String) },
    ]);
  });

  it('refuses to register the same activity twice, naming its state', () =>
    given(registered(), statusChanged('PIPELINE', 'IMPLEMENTATION'))
      .when(register())
      .thenThrows('INVALID_TRANSITION', /^Activity is IMPLEMENTATION; cannot register it again$/));

  it('refuses changes to an activity that does not exist', () =>
    given()
      .when({ type: 'ChangeActivityStatus', data: { status: 'IMPLEMENTATION' } })
      .thenThrows('ACTIVITY_NOT_FOUND', /No such activity/));
});

describe('Activity revision', () => {
  it('records only the fields that changed', () =>
    given(registered())
      .when(revise({ targetGroups: ['CHILDREN', 'WOMEN'], counterparts: [], genderMarker: 1 }))
      .then([
        {
          type: 'ActivityRevised',
          data: { targetGroups: ['CHILDREN', 'WOMEN'], counterparts: [], genderMarker: 1 },
        },
      ]));

  it('records nothing when revised with the same data, however it is spelled (a re-import)', () =>
    given(registered({ budget: [line2020] }))
      .when(
        revise({
          titles: { en: ' Fiscal space analysis for a universal child benefit ' },
          areas: [' Phnom Penh', 'Kampong Cham ', 'Phnom Penh'],
          sdgTargets: ['10.4', '1.3'],
          budget: [{ year: 2020, currency: 'USD', required: '100000', available: '80000', spent: '0.0' }],
          status: 'PIPELINE',
        }),
      )
      .then([]));

  it('compares values, not the key order the event store hands back (jsonb reorders keys)', () =>
    given(
      registered({
        titles: { fr: 'Analyse', en: details.titles.en },
        partners: [{ role: 'IMPLEMENTING', organisation: 'UNICEF' }],
      }),
    )
      .when(revise({ titles: { en: details.titles.en, fr: 'Analyse' } }))
      .then([]));

  it('clears an optional value with null in the event', () =>
    given(registered({ frameworkOutputId: 'OUT-1', genderMarker: 2 }))
      .when(revise())
      .then([{ type: 'ActivityRevised', data: { frameworkOutputId: null, genderMarker: null } }]));

  it('replaces the budget when one is given, and keeps it when left out', () => {
    given(registered({ budget: [line2020] }))
      .when(revise({ budget: [] }))
      .then([{ type: 'ActivityRevised', data: { budget: [] } }]);
    given(registered({ budget: [line2020] }))
      .when(revise())
      .then([]);
  });

  it('moves the status along the lifecycle, and refuses a move it does not allow', () => {
    given(registered())
      .when(revise({ status: 'IMPLEMENTATION', genderMarker: 1 }))
      .then([
        { type: 'ActivityRevised', data: { genderMarker: 1 } },
        { type: 'ActivityStatusChanged', data: { from: 'PIPELINE', to: 'IMPLEMENTATION' } },
      ]);
    given(registered())
      .when(revise({ status: 'CLOSED' }))
      .thenThrows('INVALID_TRANSITION', /^Activity is PIPELINE; cannot move to CLOSED$/);
  });

  it('moves the activity to another joint programme, within its period', () =>
    given(registered({ jointProgrammeId: 'JP-1' }))
      .when(revise({ jointProgrammeId: 'JP-2', jointProgrammePeriod: { start: '2019-01-01', end: '2022-12-31' } }))
      .then([
        { type: 'ActivityUnlinkedFromJointProgramme', data: { jointProgrammeId: 'JP-1' } },
        {
          type: 'ActivityLinkedToJointProgramme',
          data: { jointProgrammeId: 'JP-2', jointProgrammePeriod: { start: '2019-01-01', end: '2022-12-31' } },
        },
      ]));

  it("refuses a new period outside its joint programme's", () =>
    given(registered({ jointProgrammeId: 'JP-1', jointProgrammePeriod: { start: '2020-01-01', end: '2021-12-31' } }))
      .when(revise({ end: '2022-06-30' }))
      .thenThrows(
        'OUTSIDE_JOINT_PROGRAMME_PERIOD',
        /^The activity \(2020-03-01 – 2022-06-30\) lies outside joint programme JP-1 \(2020-01-01 – 2021-12-31\)$/,
      ));

  it("checks a new period against the programme's period as read now, not as recorded at the link", () => {
    const linkedWhenLonger = registered({
      jointProgrammeId: 'JP-1',
      jointProgrammePeriod: { start: '2020-01-01', end: '2022-12-31' },
    });
    const shortenedSince = { id: 'JP-1', period: { start: '2020-01-01', end: '2021-12-31' } };
    given(linkedWhenLonger)
      .when(revise({ end: '2022-06-30', linkedProgramme: shortenedSince }))
      .thenThrows('OUTSIDE_JOINT_PROGRAMME_PERIOD', /lies outside joint programme JP-1 \(2020-01-01 – 2021-12-31\)$/);
    // Facts about another programme (a read model that lags a relink) are not this link's: the recorded period holds.
    given(linkedWhenLonger)
      .when(revise({ end: '2022-06-30', linkedProgramme: { ...shortenedSince, id: 'JP-9' } }))
      .then([expect.objectContaining({ type: 'ActivityRevised' })]);
  });

  it('refuses invalid data as registration does, and a revision of an activity that does not exist', () => {
    given(registered())
      .when(revise({ stages: ['LAUNCH'] }))
      .thenThrows('UNKNOWN_CODE', /^stages\[0\]: is not a delivery stage/);
    given().when(revise()).thenThrows('ACTIVITY_NOT_FOUND');
  });
});

describe('Activity lifecycle', () => {
  const change = (status: string): ActivityCommand => ({ type: 'ChangeActivityStatus', data: { status } });
  const history = {
    PIPELINE: [registered()],
    IMPLEMENTATION: [registered(), statusChanged('PIPELINE', 'IMPLEMENTATION')],
    FINALISATION: [registered({ status: 'FINALISATION' })],
    CLOSED: [registered({ status: 'CLOSED' })],
    CANCELLED: [registered(), statusChanged('PIPELINE', 'CANCELLED')],
    SUSPENDED: [registered(), statusChanged('PIPELINE', 'SUSPENDED')],
  } as Record<string, ActivityEvent[]>;

  it.each([
    ['PIPELINE', 'IMPLEMENTATION'],
    ['PIPELINE', 'CANCELLED'],
    ['PIPELINE', 'SUSPENDED'],
    ['IMPLEMENTATION', 'FINALISATION'],
    ['IMPLEMENTATION', 'CANCELLED'],
    ['IMPLEMENTATION', 'SUSPENDED'],
    ['FINALISATION', 'CLOSED'],
    ['SUSPENDED', 'IMPLEMENTATION'],
  ])('moves from %s to %s', (from, to) =>
    given(...history[from])
      .when(change(to))
      .then([statusChanged(from, to)]),
  );

  it.each([
    ['PIPELINE', 'FINALISATION'],
    ['PIPELINE', 'CLOSED'],
    ['IMPLEMENTATION', 'PIPELINE'],
    ['IMPLEMENTATION', 'CLOSED'],
    ['FINALISATION', 'IMPLEMENTATION'],
    ['FINALISATION', 'CANCELLED'],
    ['SUSPENDED', 'CANCELLED'],
    ['SUSPENDED', 'FINALISATION'],
    ['CLOSED', 'IMPLEMENTATION'],
    ['CANCELLED', 'PIPELINE'],
  ])('refuses to move from %s to %s, naming the current state', (from, to) =>
    given(...history[from])
      .when(change(to))
      .thenThrows('INVALID_TRANSITION', new RegExp(`^Activity is ${from}; cannot move to ${to}$`)),
  );

  it('does nothing when the status is already the one asked for', () =>
    given(...history.IMPLEMENTATION)
      .when(change('IMPLEMENTATION'))
      .then([]));

  it('refuses a status that does not exist', () =>
    given(registered())
      .when(change('DONE'))
      .thenThrows('UNKNOWN_CODE', /^status: is not an activity status/));
});

describe('Joint programme links', () => {
  const link = (jointProgrammeId: string, period?: { start?: string; end?: string }): ActivityCommand => ({
    type: 'LinkActivityToJointProgramme',
    data: { jointProgrammeId, jointProgrammePeriod: period },
  });
  const linked: ActivityEvent = {
    type: 'ActivityLinkedToJointProgramme',
    data: { jointProgrammeId: 'JP-1', jointProgrammePeriod: { start: '2020-01-01', end: '2022-12-31' } },
  };

  it('links an activity that lies within the programme period', () =>
    given(registered())
      .when(link('JP-1', { start: '2020-01-01', end: '2022-12-31' }))
      .then([linked]));

  it('links without a check when the programme period is not known', () =>
    given(registered())
      .when(link('JP-1'))
      .then([
        { type: 'ActivityLinkedToJointProgramme', data: { jointProgrammeId: 'JP-1', jointProgrammePeriod: null } },
      ]));

  it("refuses an activity that starts before or ends after the programme, naming each date and the programme's", () => {
    const command = link('JP-1', { start: '2020-06-01', end: '2021-06-30' });
    given(registered())
      .when(command)
      .thenThrows('OUTSIDE_JOINT_PROGRAMME_PERIOD', /lies outside joint programme JP-1 \(2020-06-01 – 2021-06-30\)/);
    expect(fieldsOf([registered()], command)).toEqual([
      { path: 'start', value: '2020-03-01', message: 'is before joint programme JP-1 starts (2020-06-01)' },
      { path: 'end', value: '2021-12-31', message: 'is after joint programme JP-1 ends (2021-06-30)' },
    ]);
  });

  it('checks only the bounds the programme has', () =>
    given(registered())
      .when(link('JP-1', { end: '2030-12-31' }))
      .then([
        {
          type: 'ActivityLinkedToJointProgramme',
          data: { jointProgrammeId: 'JP-1', jointProgrammePeriod: { end: '2030-12-31' } },
        },
      ]));

  it('does nothing when already linked to that programme, and moves it from another one', () => {
    given(registered(), linked).when(link('JP-1')).then([]);
    given(registered(), linked)
      .when(link('JP-2'))
      .then([
        { type: 'ActivityUnlinkedFromJointProgramme', data: { jointProgrammeId: 'JP-1' } },
        { type: 'ActivityLinkedToJointProgramme', data: { jointProgrammeId: 'JP-2', jointProgrammePeriod: null } },
      ]);
  });

  it('refuses an empty or malformed programme id', () => {
    given(registered())
      .when(link(''))
      .thenThrows('INVALID_ID', /^jointProgrammeId: must not be empty/);
    given(registered())
      .when(link('JP/1'))
      .thenThrows('INVALID_ID', /^jointProgrammeId: must be 1–80 letters/);
  });

  it('unlinks from the linked programme, and refuses to unlink from another', () => {
    const unlink = (jointProgrammeId: string): ActivityCommand => ({
      type: 'UnlinkActivityFromJointProgramme',
      data: { jointProgrammeId },
    });
    given(registered(), linked)
      .when(unlink('JP-1'))
      .then([{ type: 'ActivityUnlinkedFromJointProgramme', data: { jointProgrammeId: 'JP-1' } }]);
    given(registered(), linked)
      .when(unlink('JP-2'))
      .thenThrows('NOT_LINKED', /^Activity is not linked to joint programme JP-2$/);
    expect(fieldsOf([registered(), linked], unlink('JP-2'))).toEqual([
      { path: 'jointProgrammeId', value: 'JP-2', message: 'the activity is linked to JP-1' },
    ]);
    given(registered()).when(unlink('JP-1')).thenThrows('NOT_LINKED');
  });
});

describe('Activity budget', () => {
  const record = (line: Partial<BudgetLineInput>): ActivityCommand => ({
    type: 'RecordBudget',
    data: { year: 2020, currency: 'USD', required: '100000', ...line },
  });

  it('records a year line with two-decimal amounts, defaulting available and spent to 0', () =>
    given(registered())
      .when(record({ available: '80000.5' }))
      .then([
        {
          type: 'ActivityBudgetRecorded',
          data: { year: 2020, currency: 'USD', required: '100000.00', available: '80000.50', spent: '0.00' },
        },
      ]));

  it('replaces the line of the same year and currency, and records nothing when it is unchanged', () => {
    given(registered({ budget: [line2020] }))
      .when(record({ available: '80000', spent: '25000' }))
      .then([{ type: 'ActivityBudgetRecorded', data: { ...line2020, spent: '25000.00' } }]);
    given(registered({ budget: [line2020] }))
      .when(record({ available: '80000' }))
      .then([]);
    given(registered({ budget: [line2020] }), { type: 'ActivityBudgetRecorded', data: { ...line2020, spent: '1.00' } })
      .when(record({ available: '80000', spent: '1' }))
      .then([]);
  });

  it('refuses a negative amount, naming the field at the top level', () =>
    given(registered())
      .when(record({ spent: '-1' }))
      .thenThrows('INVALID_AMOUNT', /^spent: must be a non-negative amount/));

  it('refuses a year out of range and an unknown currency together', () => {
    given(registered())
      .when(record({ year: 2101, currency: 'usd' }))
      .thenThrows(
        'INVALID_INPUT',
        /^year: must be a year from 1990 to 2100; currency: is not an ISO 4217 currency code$/,
      );
  });
});

describe('Activity publication', () => {
  const publish: ActivityCommand = { type: 'PublishActivity', data: {} };
  const unpublish: ActivityCommand = { type: 'UnpublishActivity', data: {} };
  const published: ActivityEvent = { type: 'ActivityPublished', data: {} };
  const unpublished: ActivityEvent = { type: 'ActivityUnpublished', data: {} };

  it('starts unpublished and publishes an activity, closed ones too', () => {
    given(registered()).when(publish).then([published]);
    given(registered({ status: 'CLOSED' }))
      .when(publish)
      .then([published]);
  });

  it('unpublishes a published activity, and publishes it again', () => {
    given(registered(), published).when(unpublish).then([unpublished]);
    given(registered(), published, unpublished).when(publish).then([published]);
  });

  it('records nothing when it is already published, or not published (a re-import)', () => {
    given(registered(), published).when(publish).then([]);
    given(registered()).when(unpublish).then([]);
  });

  it('keeps its publication through revisions and status changes', () =>
    given(registered(), published, statusChanged('PIPELINE', 'IMPLEMENTATION'), {
      type: 'ActivityRevised',
      data: { areas: [] },
    })
      .when(publish)
      .then([]));

  it('refuses to publish a cancelled activity, naming its state, but unpublishes one', () => {
    const cancelled = statusChanged('PIPELINE', 'CANCELLED');
    given(registered(), cancelled)
      .when(publish)
      .thenThrows('INVALID_TRANSITION', /^Activity is CANCELLED; cannot publish$/);
    given(registered(), published, cancelled).when(unpublish).then([unpublished]);
  });

  it('refuses to publish an activity that does not exist', () =>
    given().when(publish).thenThrows('ACTIVITY_NOT_FOUND'));
});
