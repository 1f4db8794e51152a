import { directoryContext } from '@concord/directory';
import { programmingContext } from '@concord/programming';
import { eventually, startTestApp, type TestApp } from '@concord/test-support';
import { mappingContext } from '../../mapping.context';
import { mutationSender } from '../../testing/graphql-steps';

const WHO_DOES_WHAT = `query ($scope: MappingScopeInput, $filter: WhoDoesWhatFilterInput) {
  whoDoesWhat(scope: $scope, filter: $filter) {
    scope { country region countries } activities organisations jointProgrammes
    budgets { currency required available spent }
    byPolicyArea { policyArea organisation activities jointProgrammes budgets { currency required available spent } }
    bySubnationalArea { country area organisation activities }
    actorMatrix {
      rows { guarantee organisations stages { stage actors { organisation activities } }
             implementationSteps { stage actors { organisation activities } } }
      unplaced { organisation activities } actors { organisation occurrences } organisations }
    mandatesWithoutActivity { organisation kind code level }
    activitiesWithoutMandate { organisation kind code activities } } }`;

type Cell = { organisation: string; activities: number };
type Result = {
  whoDoesWhat: {
    scope: { country: string | null; region: string | null; countries: number | null };
    activities: number;
    organisations: string[];
    jointProgrammes: number;
    budgets: unknown[];
    byPolicyArea: unknown[];
    bySubnationalArea: unknown[];
    actorMatrix: {
      rows: {
        guarantee: string;
        organisations: number;
        stages: { stage: string; actors: Cell[] }[];
        implementationSteps: { stage: string; actors: Cell[] }[];
      }[];
      unplaced: Cell[];
      actors: { organisation: string; occurrences: number }[];
      organisations: number;
    };
    mandatesWithoutActivity: unknown[];
    activitiesWithoutMandate: unknown[];
  };
};

const activity = (id: string, overrides: Record<string, unknown>) => ({
  id,
  titles: { en: `Activity ${id}` },
  organisation: 'ILO',
  partners: [],
  country: 'KHM',
  areas: [],
  policyAreas: [],
  guarantees: [],
  stages: [],
  functions: ['POLICY_ADVICE'],
  targetGroups: [],
  counterparts: [],
  start: '2022-01-01',
  end: '2023-12-31',
  status: 'IMPLEMENTATION',
  fundingSources: [],
  sdgTargets: [],
  ...overrides,
});

describe('whoDoesWhat over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let reader: string;

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext, mappingContext]);
    const admin = await app.token({ sub: 'admin', roles: ['platform-admin'] });
    reader = await app.token({ sub: 'viewer', roles: ['viewer'] });
    const send = mutationSender(app, admin);
    const ids: Record<string, string> = {};
    for (const code of ['ILO', 'UNICEF', 'WHO', 'WFP', 'EU']) {
      ids[code] = await send('registerOrganisation', { code, name: code, type: '40' });
    }
    await eventually(async () => {
      const [{ n }] = await app.database.dataSource.query(`SELECT count(*)::int AS n FROM directory_organisations`);
      expect(n).toBe(5);
    });
    await send('declareMandate', { id: ids.ILO, area: { kind: 'POLICY_AREA', code: 'FINANCING' }, level: 'LEAD' });
    await send('declareMandate', { id: ids.WFP, area: { kind: 'GUARANTEE', code: 'CHILDREN' }, level: 'CORE' });
    await send('declareMandate', { id: ids.UNICEF, area: { kind: 'GUARANTEE', code: 'OLDER_PERSONS' }, level: 'CORE' });
    await send('establishCountryPresence', { id: ids.WFP, country: 'KHM', residency: 'RESIDENT' });
    await send('establishCountryPresence', { id: ids.UNICEF, country: 'MWI', residency: 'RESIDENT' });

    await send(
      'registerActivity',
      activity('KHM-1', {
        partners: [
          { organisation: 'UNICEF', role: 'IMPLEMENTING' },
          { organisation: 'EU', role: 'FUNDING' },
        ],
        areas: ['Phnom Penh'],
        policyAreas: ['FINANCING'],
        guarantees: ['CHILDREN'],
        stages: ['SCHEME_DESIGN'],
        budget: [{ year: 2022, currency: 'USD', required: '1000', available: '600', spent: '100' }],
      }),
    );
    await send(
      'registerActivity',
      activity('KHM-2', {
        organisation: 'WHO',
        policyAreas: ['HEALTH_INTEGRATION'],
        guarantees: ['HEALTH_CARE'],
        stages: ['IMPLEMENTATION_ENROLMENT'],
        budget: [{ year: 2022, currency: 'EUR', required: '500' }],
      }),
    );
    await send(
      'registerActivity',
      activity('KHM-3', {
        policyAreas: ['LNOB_INCLUSION'],
        guarantees: ['OLDER_PERSONS'],
        stages: ['POLICY_MAKING', 'SCHEME_DESIGN'],
        status: 'CLOSED',
        start: '2018-01-01',
        end: '2019-12-31',
      }),
    );
    await send(
      'registerActivity',
      activity('MWI-1', {
        organisation: 'UNICEF',
        country: 'MWI',
        guarantees: ['CHILDREN'],
      }),
    );
    await send('publishActivity', { id: 'KHM-1' });
    await eventually(async () => {
      const [{ n }] = await app.database.dataSource.query(
        `SELECT count(*)::int AS n FROM programming_activities WHERE published OR id <> 'KHM-1'`,
      );
      expect(n).toBe(4);
    });
  });
  afterAll(() => app.close());

  /** Signed in as a viewer, or anonymously with `as: null`. */
  const ask = async (variables: Record<string, unknown>, as: string | null = reader) => {
    const { data, errors } = await app.gql<Result>(WHO_DOES_WHAT, variables, as ?? undefined);
    expect(errors).toBeUndefined();
    return data!.whoDoesWhat;
  };
  const cell = (answer: Result['whoDoesWhat'], guarantee: string, stage: string) =>
    answer.actorMatrix.rows.find((r) => r.guarantee === guarantee)!.stages.find((s) => s.stage === stage)!.actors;

  it("maps a country: areas × organisations with budgets per currency, places, and the lead's and implementers' matrix", async () => {
    const khm = await ask({ scope: { country: 'KHM' } });
    expect(khm.scope).toEqual({ country: 'KHM', region: null, countries: null });
    expect(khm.activities).toBe(3);
    expect(khm.organisations).toEqual(['ILO', 'UNICEF', 'WHO']); // EU only funds
    expect(khm.budgets).toEqual([
      { currency: 'EUR', required: '500.00', available: '0.00', spent: '0.00' },
      { currency: 'USD', required: '1000.00', available: '600.00', spent: '100.00' },
    ]);
    expect(khm.byPolicyArea).toEqual([
      {
        policyArea: 'FINANCING',
        organisation: 'ILO',
        activities: 1,
        jointProgrammes: 0,
        budgets: [{ currency: 'USD', required: '1000.00', available: '600.00', spent: '100.00' }],
      },
      {
        policyArea: 'HEALTH_INTEGRATION',
        organisation: 'WHO',
        activities: 1,
        jointProgrammes: 0,
        budgets: [{ currency: 'EUR', required: '500.00', available: '0.00', spent: '0.00' }],
      },
      { policyArea: 'LNOB_INCLUSION', organisation: 'ILO', activities: 1, jointProgrammes: 0, budgets: [] },
    ]);
    expect(khm.bySubnationalArea).toEqual([
      { country: 'KHM', area: 'Phnom Penh', organisation: 'ILO', activities: 1 },
      { country: 'KHM', area: null, organisation: 'ILO', activities: 1 },
      { country: 'KHM', area: null, organisation: 'WHO', activities: 1 },
    ]);
    expect(cell(khm, 'CHILDREN', 'SCHEME_DESIGN')).toEqual([
      { organisation: 'ILO', activities: 1 },
      { organisation: 'UNICEF', activities: 1 },
    ]);
    expect(cell(khm, 'OLDER_PERSONS', 'POLICY_MAKING')).toEqual([{ organisation: 'ILO', activities: 1 }]);
    // An implementation sub-stage fills its own column and the IMPLEMENTATION column.
    const health = khm.actorMatrix.rows.find((r) => r.guarantee === 'HEALTH_CARE')!;
    expect(cell(khm, 'HEALTH_CARE', 'IMPLEMENTATION')).toEqual([{ organisation: 'WHO', activities: 1 }]);
    expect(health.implementationSteps).toEqual([
      { stage: 'IMPLEMENTATION_ENROLMENT', actors: [{ organisation: 'WHO', activities: 1 }] },
    ]);
    expect(khm.actorMatrix.rows.map((r) => [r.guarantee, r.organisations])).toEqual([
      ['HEALTH_CARE', 1],
      ['CHILDREN', 2],
      ['WORKING_AGE', 0],
      ['OLDER_PERSONS', 1],
    ]);
    expect(khm.actorMatrix.actors).toEqual([
      { organisation: 'ILO', occurrences: 3 },
      { organisation: 'UNICEF', occurrences: 1 },
      { organisation: 'WHO', occurrences: 1 },
    ]);
    expect(khm.actorMatrix.organisations).toBe(3);
    expect(khm.actorMatrix.unplaced).toEqual([]);
    // An activity naming no stage is in scope but in no cell.
    const mwi = (await ask({ scope: { country: 'MWI' } })).actorMatrix;
    expect(mwi.unplaced).toEqual([{ organisation: 'UNICEF', activities: 1 }]);
    expect(mwi.organisations).toBe(0);
  });

  it('finds mandates with no activity among organisations present in scope, and activities outside declared mandates', async () => {
    const khm = await ask({ scope: { country: 'KHM' } });
    // WFP is present in Cambodia with a mandate for children and no activity; UNICEF's is in Malawi.
    expect(khm.mandatesWithoutActivity).toEqual([
      { organisation: 'WFP', kind: 'GUARANTEE', code: 'CHILDREN', level: 'CORE' },
    ]);
    // The ILO declares FINANCING only; who declares nothing of a kind is not second-guessed.
    expect(khm.activitiesWithoutMandate).toEqual([
      { organisation: 'ILO', kind: 'POLICY_AREA', code: 'LNOB_INCLUSION', activities: 1 },
    ]);
    // In the world, the ILO works on financing (in Cambodia): only UNICEF's and WFP's mandates are idle.
    expect((await ask({})).mandatesWithoutActivity).toEqual([
      { organisation: 'UNICEF', kind: 'GUARANTEE', code: 'OLDER_PERSONS', level: 'CORE' },
      { organisation: 'WFP', kind: 'GUARANTEE', code: 'CHILDREN', level: 'CORE' },
    ]);
  });

  it('widens to a region and to the world, and narrows by filter', async () => {
    const asia = await ask({ scope: { region: 'ASIA_PACIFIC' } });
    expect(asia.scope.region).toBe('ASIA_PACIFIC');
    expect(asia.scope.countries).toBeGreaterThan(20);
    expect(asia.activities).toBe(3);
    expect((await ask({ scope: { region: 'AFRICA' } })).organisations).toEqual(['UNICEF']);
    expect((await ask({})).activities).toBe(4);
    expect((await ask({ scope: { country: 'KHM' }, filter: { guarantee: 'CHILDREN' } })).activities).toBe(1);
    expect((await ask({ filter: { organisation: 'UNICEF' } })).activities).toBe(2); // lead or partner
    expect((await ask({ scope: { country: 'KHM' }, filter: { status: 'CLOSED' } })).organisations).toEqual(['ILO']);
    expect((await ask({ filter: { period: { from: '2024-01-01' } } })).activities).toBe(0);
  });

  it('shows anonymous callers published activities only', async () => {
    const shown = await ask({ scope: { country: 'KHM' } }, null);
    expect(shown.activities).toBe(1);
    expect(shown.organisations).toEqual(['ILO', 'UNICEF']);
  });

  it('refuses an ambiguous or unknown scope and a malformed date, naming the field', async () => {
    const refusal = async (variables: Record<string, unknown>) => {
      const { errors } = await app.gql(WHO_DOES_WHAT, variables, reader);
      expect(errors).toHaveLength(1);
      return errors![0].extensions;
    };
    expect(await refusal({ scope: { country: 'KHM', region: 'ASIA_PACIFIC' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SCOPE_AMBIGUOUS',
    });
    expect(await refusal({ scope: { country: 'XXX' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_COUNTRY',
    });
    expect(await refusal({ scope: { country: 'Cambodia' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal({ filter: { period: { from: '2024-13-01' } } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_DATE',
    });
  });
});
