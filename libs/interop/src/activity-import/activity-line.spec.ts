import { ConcordError, fold, systemActor } from '@concord/kernel';
import { testContext } from '@concord/kernel/testing';
import { activityAggregate, type ActivityCommand, type ActivityEvent } from '@concord/programming';
import { registration, revision } from './activity-commands';
import { activityIdFor, activityLineOf, externalIdOf, unknownFieldsOf } from './activity-line';
import { problemOf } from './line-problem';

/** FORMAT.md's example line, with overrides. */
const aRecord = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'A-00017',
  title: 'Fiscal space analysis for a universal child benefit',
  description: 'Costing of benefit options and fiscal space study with the Ministry of Finance',
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
  status: 'IMPLEMENTATION',
  budget: { currency: 'USD', amount: 250000 },
  fundingSources: ['Joint SDG Fund'],
  jointProgramme: 'JP-KHM-01',
  sdgTargets: ['1.3', '10.4'],
  ...overrides,
});

const ctx = { ...testContext, actor: systemActor };
const { decider } = activityAggregate;
const decide = (command: ActivityCommand, history: ActivityEvent[] = []) =>
  decider.decide(command, fold(decider, history), ctx);
const register = (record: Record<string, unknown>, jointProgrammeId: string | null = null) => {
  const line = activityLineOf(record);
  return registration(line, externalIdOf(line), jointProgrammeId);
};
const thrownBy = (run: () => unknown): ConcordError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConcordError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
};

describe('FORMAT.md line → RegisterActivity', () => {
  it('maps every field of the example to the command GraphQL would send', () => {
    expect(register(aRecord(), 'jp-1')).toEqual({
      type: 'RegisterActivity',
      data: {
        titles: { en: 'Fiscal space analysis for a universal child benefit' },
        descriptions: { en: 'Costing of benefit options and fiscal space study with the Ministry of Finance' },
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
        sdgTargets: ['1.3', '10.4'],
        status: 'IMPLEMENTATION',
        budget: [{ year: 2020, currency: 'USD', required: '250000' }],
        jointProgrammeId: 'jp-1',
        externalIds: [{ system: 'IMPORT', id: 'A-00017' }],
        source: 'CSV',
      },
    });
  });

  it('files title and description under the line language, English when it names none', () => {
    const french = register(aRecord({ language: 'fr', title: 'Espace budgétaire', description: 'Étude' })).data;
    expect(french).toMatchObject({
      titles: { fr: 'Espace budgétaire' },
      descriptions: { fr: 'Étude' },
      language: 'fr',
    });
    const plain = register(aRecord({ language: undefined, description: undefined })).data;
    expect(plain).toMatchObject({ titles: { en: expect.any(String) }, descriptions: {}, language: 'en' });
  });

  it('is accepted by the decider: one ActivityRegistered with the budget line of the start year', () => {
    const [event] = decide(register(aRecord({ budget: { currency: 'EUR', amount: 1234.5 } })));
    expect(event.type).toBe('ActivityRegistered');
    expect(event.data).toMatchObject({
      status: 'IMPLEMENTATION',
      budget: [{ year: 2020, currency: 'EUR', required: '1234.50', available: '0.00', spent: '0.00' }],
      externalIds: [{ system: 'IMPORT', id: 'A-00017' }],
      source: 'CSV',
    });
  });

  it('keeps an IATI identifier under the IATI system, with IATI as the source', () => {
    const line = activityLineOf(aRecord({ id: 'XM-DAC-41122-KHM-1', source: 'IATI' }));
    expect(registration(line, externalIdOf(line), null).data).toMatchObject({
      externalIds: [{ system: 'IATI', id: 'XM-DAC-41122-KHM-1' }],
      source: 'IATI',
    });
  });

  it('needs only the required fields; absent lists are empty and there is no budget', () => {
    const minimal = {
      id: 'M-1',
      title: 'T',
      organisation: 'WFP',
      country: 'EGY',
      start: '2022-01-01',
      end: '2022-12-31',
    };
    expect(register(minimal).data).toMatchObject({ areas: [], partners: [], budget: [], status: null });
    expect(decide(register(minimal))).toHaveLength(1);
  });
});

describe('FORMAT.md line shape', () => {
  it('names one missing required field with its own code', () => {
    const error = thrownBy(() => activityLineOf(aRecord({ country: undefined })));
    expect(error.code).toBe('REQUIRED_FIELD');
    expect(error.fields).toEqual([{ path: 'country', value: undefined, message: 'is required' }]);
  });

  it('names every field that is missing or of the wrong type at once', () => {
    const error = thrownBy(() =>
      activityLineOf(
        aRecord({
          title: '',
          start: 20200301,
          areas: 'Phnom Penh',
          partners: [{ organisation: 'UNICEF' }],
          budget: { currency: 'USD', amount: '250000' },
          language: 'de',
        }),
      ),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields.map((f) => [f.path, f.value, f.message])).toEqual([
      ['title', '', 'is required'],
      ['start', 20200301, 'must be a text'],
      ['areas', 'Phnom Penh', 'must be a list of texts'],
      ['language', 'de', 'must be one of en, fr, es, pt'],
      ['partners[0]', { organisation: 'UNICEF' }, 'must be {"organisation": CODE, "role": ROLE}'],
      ['budget.amount', '250000', 'must be a number'],
    ]);
  });

  it('refuses a line that is not an object', () => {
    expect(thrownBy(() => activityLineOf([1, 2])).code).toBe('NOT_AN_OBJECT');
  });

  it('lists fields FORMAT.md does not define', () => {
    expect(unknownFieldsOf(aRecord({ notes: 'x', sector: 1 }))).toEqual(['notes', 'sector']);
  });

  it('leaves codes, dates and amounts to the decider, whose fields the report names as the file does', () => {
    const command = register(
      aRecord({ end: '2019-12-31', budget: { currency: 'XYZ', amount: -5 }, jointProgramme: 'x' }),
    );
    const error = thrownBy(() => decide(command));
    expect(problemOf(9, 'A-00017', error)).toEqual({
      line: 9,
      id: 'A-00017',
      severity: 'error',
      code: 'INVALID_INPUT',
      message: expect.any(String),
      fields: [
        { field: 'start', value: '2020-03-01', reason: 'must not be after the end (2019-12-31)' },
        { field: 'end', value: '2019-12-31', reason: 'must not be before the start (2020-03-01)' },
        { field: 'budget.currency', value: 'XYZ', reason: 'is not an ISO 4217 currency code' },
        { field: 'budget.amount', value: '-5', reason: expect.stringMatching(/^must be a non-negative amount/) },
      ],
    });
  });
});

describe('FORMAT.md line → ReviseActivity', () => {
  const registered = decide(register(aRecord()));
  const reviseWith = (record: Record<string, unknown>, history: ActivityEvent[] = registered) =>
    decide(revision(activityLineOf(record), null, fold(decider, history)), history);

  it('decides nothing when the line is unchanged: a re-import appends no event', () => {
    expect(reviseWith(aRecord())).toEqual([]);
  });

  it('records only what changed', () => {
    const [event] = reviseWith(aRecord({ areas: ['Phnom Penh'], budget: { currency: 'USD', amount: 300000 } }));
    expect(event).toEqual({
      type: 'ActivityRevised',
      data: {
        areas: ['Phnom Penh'],
        budget: [{ year: 2020, currency: 'USD', required: '300000.00', available: '0.00', spent: '0.00' }],
      },
    });
  });

  it('keeps what the format cannot carry: other languages, markers, the framework output, money available and spent', () => {
    const enriched: ActivityEvent[] = [
      ...registered,
      {
        type: 'ActivityRevised',
        data: { titles: { en: aRecord().title as string, fr: 'Espace budgétaire' }, genderMarker: 2 },
      },
      { type: 'ActivityRevised', data: { frameworkOutputId: 'output-1' } },
      {
        type: 'ActivityBudgetRecorded',
        data: { year: 2020, currency: 'USD', required: '250000.00', available: '100000.00', spent: '5000.00' },
      },
    ];
    expect(reviseWith(aRecord(), enriched)).toEqual([]);
  });

  it('follows the lifecycle: a status the activity cannot go back to is refused, naming its state', () => {
    const error = thrownBy(() => reviseWith(aRecord({ status: 'PIPELINE' })));
    expect([error.code, error.message]).toEqual([
      'INVALID_TRANSITION',
      'Activity is IMPLEMENTATION; cannot move to PIPELINE',
    ]);
  });
});

describe('activityIdFor', () => {
  it('is a version-5 UUID named by system and id, the same on every import', () => {
    const id = activityIdFor({ system: 'IMPORT', id: 'A-00017' });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(activityIdFor({ system: 'IMPORT', id: 'A-00017' })).toBe(id);
    expect(activityIdFor({ system: 'IATI', id: 'A-00017' })).not.toBe(id);
  });
});
