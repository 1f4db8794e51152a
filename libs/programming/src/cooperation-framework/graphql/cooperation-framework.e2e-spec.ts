import { programmingContext } from '@concord/programming';
import { eventually, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';

type Errors = GqlResult<unknown>['errors'];
/** The fields the checks read; toMatchObject compares the rest. */
type FrameworkView = { version: number; status: string } & Record<string, unknown>;

const BY_CODE = `query ($code: String) { cooperationFramework(code: $code) { id code title countries startDate endDate status published version
  results { id kind code parentCode title countries sdgTargets indicators { code name baseline target unit } framework { code } } } }`;

describe('Cooperation frameworks over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  /** Reads are signed in: anonymous callers see no DRAFT framework (publication.e2e-spec.ts). */
  let viewer: string;
  let cambodiaRco: string;
  let frameworkId: string;

  const send = (mutation: string, input: Record<string, unknown>, token: string) =>
    app.gql<Record<string, { id: string; version: number }>>(
      `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id version } }`,
      { input },
      token,
    );
  const sendOk = async (mutation: string, input: Record<string, unknown>, token = cambodiaRco) => {
    const { data, errors } = await send(mutation, input, token);
    expect(errors).toBeUndefined();
    return data![mutation];
  };
  const expectError = (errors: Errors, code: string, message: RegExp) => {
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code } });
  };
  const readBack = (code: string, check: (framework: FrameworkView) => void) =>
    eventually(async () => {
      const { data } = await app.gql<{ cooperationFramework: FrameworkView | null }>(BY_CODE, { code }, viewer);
      expect(data!.cooperationFramework).not.toBeNull();
      check(data!.cooperationFramework!);
      return data!.cooperationFramework!;
    });

  beforeAll(async () => {
    app = await startTestApp([programmingContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    viewer = await app.token({ sub: 'viewer-1', roles: ['viewer'] });
    cambodiaRco = await app.token({ sub: 'rco-khm', roles: ['rco-coordinator'], countries: ['KHM'] });
  });
  afterAll(() => app.close());

  it("lets Cambodia's RCO build the results hierarchy with indicators, and reads it back", async () => {
    frameworkId = (
      await sendOk('createCooperationFramework', {
        code: 'KHM-UNSDCF-2019',
        title: 'UNDAF Cambodia 2019–2023',
        countries: ['KHM'],
        startDate: '2019-01-01',
        endDate: '2023-12-31',
      })
    ).id;
    await sendOk('addStrategicPriority', { id: frameworkId, code: 'SP1', title: 'People', sdgTargets: ['1.3'] });
    await sendOk('addOutcome', {
      id: frameworkId,
      priorityCode: 'SP1',
      code: '1.1',
      title: 'Coverage',
      sdgTargets: ['1.3'],
    });
    await sendOk('addOutput', { id: frameworkId, outcomeCode: '1.1', code: '1.1.1', title: 'Registry' });
    const indicator = { code: 'IND-1', name: 'Coverage', baseline: '12.50', target: '40', unit: '%' };
    await sendOk('defineIndicator', { id: frameworkId, resultCode: '1.1', indicator });
    await sendOk('defineIndicator', { id: frameworkId, resultCode: '1.1', indicator: { ...indicator, target: '45' } });

    const framework = await readBack('KHM-UNSDCF-2019', (f) => expect(f.version).toBe(6));
    expect(framework).toMatchObject({
      id: frameworkId,
      status: 'DRAFT',
      published: false,
      countries: ['KHM'],
      startDate: '2019-01-01',
      endDate: '2023-12-31',
      results: [
        { id: `${frameworkId}:SP1`, kind: 'STRATEGIC_PRIORITY', parentCode: null, sdgTargets: ['1.3'], indicators: [] },
        {
          id: `${frameworkId}:1.1`,
          kind: 'OUTCOME',
          parentCode: 'SP1',
          countries: ['KHM'],
          indicators: [{ code: 'IND-1', name: 'Coverage', baseline: '12.5', target: '45', unit: '%' }],
          framework: { code: 'KHM-UNSDCF-2019' },
        },
        { id: `${frameworkId}:1.1.1`, kind: 'OUTPUT', parentCode: '1.1', title: 'Registry' },
      ],
    });
  });

  it('names what was wrong: an unknown parent, a duplicate code, an unknown SDG target', async () => {
    expectError(
      (await send('addOutput', { id: frameworkId, outcomeCode: '9.9', code: '9.9.1', title: 'X' }, cambodiaRco)).errors,
      'BAD_USER_INPUT',
      /^outcomeCode: KHM-UNSDCF-2019 has no outcome 9\.9$/,
    );
    expectError(
      (await send('addOutcome', { id: frameworkId, priorityCode: 'SP1', code: '1.1', title: 'X' }, cambodiaRco)).errors,
      'BAD_USER_INPUT',
      /^code: is already used by an outcome of KHM-UNSDCF-2019$/,
    );
    expectError(
      (
        await send(
          'addStrategicPriority',
          { id: frameworkId, code: 'SP2', title: 'X', sdgTargets: ['0.0'] },
          cambodiaRco,
        )
      ).errors,
      'BAD_USER_INPUT',
      /^sdgTargets\[0\]: is not an SDG target$/,
    );
  });

  it('refuses a second framework with the same code as a CONFLICT', async () => {
    const { errors } = await send(
      'createCooperationFramework',
      { code: 'KHM-UNSDCF-2019', title: 'Again', countries: ['KHM'], startDate: '2019-01-01', endDate: '2023-12-31' },
      admin,
    );
    expectError(errors, 'CONFLICT', /framework\.code "KHM-UNSDCF-2019" is already used/);
  });

  it('refuses a period that does not end after it starts', async () => {
    const { errors } = await send(
      'createCooperationFramework',
      { code: 'KHM-X', title: 'X', countries: ['KHM'], startDate: '2023-12-31', endDate: '2019-01-01' },
      admin,
    );
    expectError(errors, 'BAD_USER_INPUT', /^endDate: 2019-01-01 is not after startDate 2023-12-31$/);
  });

  it("refuses another country's RCO and a viewer with FORBIDDEN", async () => {
    const malawiRco = await app.token({ roles: ['rco-coordinator'], countries: ['MWI'] });
    expectError(
      (await send('activateCooperationFramework', { id: frameworkId }, malawiRco)).errors,
      'FORBIDDEN',
      /^Only a platform admin or an RCO coordinator of KHM can change this cooperation framework$/,
    );
    expectError(
      (await send('addStrategicPriority', { id: frameworkId, code: 'SP9', title: 'X' }, viewer)).errors,
      'FORBIDDEN',
      /RCO coordinator of KHM/,
    );
  });

  it('goes DRAFT → ACTIVE → CLOSED and refuses what the lifecycle does not allow, naming the state', async () => {
    expectError(
      (await send('closeCooperationFramework', { id: frameworkId }, cambodiaRco)).errors,
      'CONFLICT',
      /^CooperationFramework is DRAFT; cannot close$/,
    );
    await sendOk('activateCooperationFramework', { id: frameworkId });
    const active = await readBack('KHM-UNSDCF-2019', (f) => expect(f.status).toBe('ACTIVE'));
    expect(active.published).toBe(true);
  });

  it('lists frameworks filtered by country and status', async () => {
    await sendOk(
      'createCooperationFramework',
      {
        code: 'MWI-UNSDCF-2019',
        title: 'UNSDCF Malawi',
        countries: ['MWI'],
        startDate: '2019-01-01',
        endDate: '2023-12-31',
      },
      admin,
    );
    const LIST = `query ($filter: CooperationFrameworkFilterInput) {
      cooperationFrameworks(filter: $filter) { totalCount edges { node { code } } } }`;
    const codes = async (filter: Record<string, unknown>) =>
      (
        await app.gql<{ cooperationFrameworks: { edges: { node: { code: string } }[] } }>(LIST, { filter }, viewer)
      ).data!.cooperationFrameworks.edges.map((e) => e.node.code);
    await eventually(async () => expect(await codes({})).toEqual(['KHM-UNSDCF-2019', 'MWI-UNSDCF-2019']));
    expect(await codes({ country: 'MWI' })).toEqual(['MWI-UNSDCF-2019']);
    expect(await codes({ status: 'ACTIVE' })).toEqual(['KHM-UNSDCF-2019']);
    expect(await codes({ status: 'DRAFT', country: 'KHM' })).toEqual([]);
  });
});
