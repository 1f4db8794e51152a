import { directoryContext } from '@concord/directory';
import { rebuildProjection, tableHash } from '@concord/eventing';
import { mintToken, projectionGroup } from '@concord/platform';
import { cooperationFrameworkProjection, jointProgrammeProjection, programmingContext } from '@concord/programming';
import { eventually, graphqlSubscription, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';

type Errors = GqlResult<unknown>['errors'];
/** The fields the checks read; toMatchObject compares the rest. */
type JointProgrammeView = { status: string; reports: { revision: number }[] } & Record<string, unknown>;

const JP_FIELDS = `id code title countries leadOrganisation status statusReason startDate endDate policyAreas targetGroups
  sdgTargets genderMarker counterparts fundingSources published version
  participants { organisation role budgetShare }
  results { id kind code frameworkCode framework { code } }
  reports { period revision indicatorActuals { indicatorCode actual } expenditure { organisation currency amount }
    narratives { organisation text } }`;

describe('Joint programmes over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  /** Reads are signed in: anonymous callers see only published programmes (publication.e2e-spec.ts). */
  let viewer: string;
  let malawiRco: string;
  let cambodiaRco: string;
  let jpId: string;
  let malawiOutputId: string;
  let cambodiaOutputId: string;

  /** Any mutation by name, its input type being the name capitalised + Input. */
  const send = <T = { version: number; id: string }>(mutation: string, input: Record<string, unknown>, token: string) =>
    app.gql<Record<string, T>>(
      `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id version } }`,
      { input },
      token,
    );
  const sendOk = async (mutation: string, input: Record<string, unknown>, token = admin) => {
    const { data, errors } = await send(mutation, input, token);
    expect(errors).toBeUndefined();
    return data![mutation];
  };
  const readJp = (code: string) =>
    app.gql<{ jointProgramme: JointProgrammeView | null }>(
      `query ($code: String) { jointProgramme(code: $code) { ${JP_FIELDS} } }`,
      {
        code,
      },
      viewer,
    );
  const eventCount = async (): Promise<number> =>
    (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM events`))[0].n;
  const expectError = (errors: Errors, code: string, message: RegExp) => {
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code } });
  };

  /** A framework with one priority → outcome → output, returning the output's id once projected. */
  async function frameworkWithOutput(code: string, country: string): Promise<string> {
    const { id } = await sendOk('createCooperationFramework', {
      code,
      title: `UNSDCF ${country}`,
      countries: [country],
      startDate: '2019-01-01',
      endDate: '2023-12-31',
    });
    await sendOk('addStrategicPriority', { id, code: 'SP1', title: 'People', sdgTargets: ['1.3'] });
    await sendOk('addOutcome', { id, priorityCode: 'SP1', code: '1.1', title: 'Social protection coverage' });
    await sendOk('addOutput', { id, outcomeCode: '1.1', code: '1.1.1', title: 'Social registry' });
    return eventually(async () => {
      const { data } = await app.gql<{ cooperationFramework: { results: { id: string; kind: string }[] } }>(
        `query ($code: String) { cooperationFramework(code: $code) { results(kind: OUTPUT) { id kind } } }`,
        { code },
        viewer,
      );
      expect(data!.cooperationFramework.results).toHaveLength(1);
      return data!.cooperationFramework.results[0].id;
    });
  }

  const malawiJp = (overrides: Record<string, unknown> = {}) => ({
    code: 'JP-MWI',
    title: 'Social protection in Malawi: accelerating inclusive progress towards the SDGs',
    countries: ['MWI'],
    leadOrganisation: 'UNICEF',
    participants: [
      { organisation: 'UNICEF', role: 'LEAD', budgetShare: '60' },
      { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '40' },
    ],
    counterparts: ['Ministry of Finance, Economic Planning and Development'],
    fundingSources: ['Joint SDG Fund'],
    startDate: '2020-01-01',
    endDate: '2022-02-28',
    policyAreas: ['SHOCK_RESPONSIVE', 'FINANCING'],
    targetGroups: ['OLDER_PERSONS'],
    sdgTargets: ['1.3'],
    genderMarker: 2,
    ...overrides,
  });

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    viewer = await app.token({ sub: 'viewer-1', roles: ['viewer'] });
    malawiRco = await app.token({ sub: 'rco-mwi', roles: ['rco-coordinator'], countries: ['MWI'] });
    cambodiaRco = await app.token({ sub: 'rco-khm', roles: ['rco-coordinator'], countries: ['KHM'] });
    malawiOutputId = await frameworkWithOutput('MWI-UNSDCF-2019', 'MWI');
    cambodiaOutputId = await frameworkWithOutput('KHM-UNSDCF-2019', 'KHM');
  });
  afterAll(() => app.close());

  it('drafts a programme with shares 60/40 and reads it back in CONCEPT', async () => {
    const drafted = await sendOk('draftJointProgramme', malawiJp(), malawiRco);
    jpId = drafted.id;
    expect(drafted.version).toBe(1);
    const jp = await eventually(async () => {
      const { data } = await readJp('JP-MWI');
      expect(data!.jointProgramme).not.toBeNull();
      return data!.jointProgramme!;
    });
    expect(jp).toMatchObject({
      id: jpId,
      status: 'CONCEPT',
      leadOrganisation: 'UNICEF',
      countries: ['MWI'],
      startDate: '2020-01-01',
      endDate: '2022-02-28',
      genderMarker: 2,
      participants: [
        { organisation: 'UNICEF', role: 'LEAD', budgetShare: '60' },
        { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '40' },
      ],
      results: [],
      reports: [],
    });
  });

  it('refuses shares of 60/30 naming the sum, and stores nothing', async () => {
    const before = await eventCount();
    const { errors } = await send(
      'draftJointProgramme',
      malawiJp({
        code: 'JP-MWI-2',
        participants: [
          { organisation: 'UNICEF', role: 'LEAD', budgetShare: '60' },
          { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '30' },
        ],
      }),
      malawiRco,
    );
    expectError(errors, 'BAD_USER_INPUT', /^participants: shares sum to 90%, not 100%$/);
    expect(errors![0].extensions!.fields).toEqual([
      { path: 'participants', value: '90', message: 'shares sum to 90%, not 100%' },
    ]);
    expect(await eventCount()).toBe(before);
    expect((await readJp('JP-MWI-2')).data!.jointProgramme).toBeNull();
  });

  it('refuses a second programme with the same code as a CONFLICT', async () => {
    const { errors } = await send('draftJointProgramme', malawiJp(), admin);
    expectError(errors, 'CONFLICT', /jointProgramme\.code "JP-MWI" is already used/);
  });

  it('refuses to approve a programme in CONCEPT, naming its state', async () => {
    const { errors } = await send('approveJointProgramme', { id: jpId }, malawiRco);
    expectError(errors, 'CONFLICT', /^JointProgramme is CONCEPT; cannot approve$/);
  });

  it('refuses an RCO coordinator of another country with FORBIDDEN', async () => {
    const before = await eventCount();
    expectError(
      (await send('submitJointProgramme', { id: jpId }, cambodiaRco)).errors,
      'FORBIDDEN',
      /^Only a platform admin or an RCO coordinator of MWI can submit this joint programme$/,
    );
    expectError(
      (await send('draftJointProgramme', malawiJp({ code: 'JP-MWI-3' }), cambodiaRco)).errors,
      'FORBIDDEN',
      /RCO coordinator of MWI can draft/,
    );
    expect(await eventCount()).toBe(before);
  });

  it('walks the lifecycle to ACTIVE', async () => {
    await sendOk('submitJointProgramme', { id: jpId }, malawiRco);
    await sendOk('approveJointProgramme', { id: jpId }, malawiRco);
    const active = await sendOk('activateJointProgramme', { id: jpId }, malawiRco);
    expect(active.version).toBe(4);
    await eventually(async () => expect((await readJp('JP-MWI')).data!.jointProgramme!.status).toBe('ACTIVE'));
  });

  describe('as the JP manager', () => {
    let manager: string;
    beforeAll(async () => {
      manager = await mintToken(
        { sub: 'jp-manager-1', roles: ['jp-manager'], jointProgrammes: [jpId] },
        app.config.auth,
      );
    });

    it("links an output of Malawi's framework", async () => {
      await sendOk('linkFrameworkResults', { id: jpId, resultIds: [malawiOutputId] }, manager);
    });

    it("refuses an output of Cambodia's framework, naming both countries", async () => {
      const { errors } = await send('linkFrameworkResults', { id: jpId, resultIds: [cambodiaOutputId] }, manager);
      expectError(
        errors,
        'BAD_USER_INPUT',
        /^resultIds\[0\]: output KHM-UNSDCF-2019:1.1.1 belongs to the framework of KHM, not MWI$/,
      );
    });

    it('refuses an id that is no framework result', async () => {
      const { errors } = await send('linkFrameworkResults', { id: jpId, resultIds: ['nope:1.1'] }, manager);
      expectError(
        errors,
        'BAD_USER_INPUT',
        /^resultIds\[0\]: no Cooperation Framework outcome or output has id nope:1\.1/,
      );
    });

    it('records a progress report, and a second one for the period as a revision', async () => {
      const report = {
        id: jpId,
        period: '2021-H1',
        indicatorActuals: [{ indicatorCode: 'IND-1', actual: '6386' }],
        expenditure: [
          { organisation: 'UNICEF', currency: 'USD', amount: '250000.50' },
          { organisation: 'WFP', currency: 'USD', amount: '180000' },
        ],
        narratives: [{ organisation: 'WFP', text: 'Urban cash reached 6,386 food-insecure households.' }],
      };
      await sendOk('recordProgressReport', report, manager);
      await sendOk(
        'recordProgressReport',
        { ...report, indicatorActuals: [{ indicatorCode: 'IND-1', actual: '6400' }] },
        manager,
      );
    });

    it('refuses expenditure of an organisation that does not participate', async () => {
      const { errors } = await send(
        'recordProgressReport',
        { id: jpId, period: '2021', expenditure: [{ organisation: 'FAO', currency: 'USD', amount: '1' }] },
        manager,
      );
      expectError(errors, 'BAD_USER_INPUT', /^expenditure\[0\]\.organisation: FAO is not a participant of JP-MWI$/);
    });

    it('cannot approve or reject', async () => {
      expectError((await send('approveJointProgramme', { id: jpId }, manager)).errors, 'FORBIDDEN', /can approve/);
      expectError(
        (await send('rejectJointProgramme', { id: jpId, reason: 'x' }, manager)).errors,
        'FORBIDDEN',
        /can reject/,
      );
    });
  });

  it('reads it all back: participants, linked output with its framework, the revised report', async () => {
    const jp = await eventually(async () => {
      const { data } = await readJp('JP-MWI');
      expect(data!.jointProgramme!.reports[0]?.revision).toBe(2);
      return data!.jointProgramme!;
    });
    expect(jp).toMatchObject({
      status: 'ACTIVE',
      version: 7,
      results: [{ id: malawiOutputId, kind: 'OUTPUT', code: '1.1.1', framework: { code: 'MWI-UNSDCF-2019' } }],
      reports: [
        {
          period: '2021-H1',
          revision: 2,
          indicatorActuals: [{ indicatorCode: 'IND-1', actual: '6400' }],
          expenditure: [
            { organisation: 'UNICEF', currency: 'USD', amount: '250000.5' },
            { organisation: 'WFP', currency: 'USD', amount: '180000' },
          ],
          narratives: [{ organisation: 'WFP', text: 'Urban cash reached 6,386 food-insecure households.' }],
        },
      ],
    });
  });

  it('lists programmes as a Relay connection filtered by country, status, organisation and policy area', async () => {
    await sendOk('draftJointProgramme', {
      code: 'JP-KHM',
      title: 'Rollout of the National Social Protection Policy Framework',
      countries: ['KHM'],
      participants: [
        { organisation: 'ILO', role: 'LEAD' },
        { organisation: 'UNICEF', role: 'PARTICIPATING' },
        { organisation: 'WHO', role: 'PARTICIPATING' },
      ],
      policyAreas: ['FINANCING'],
    });
    const LIST = `query ($filter: JointProgrammeFilterInput, $first: Int, $after: String) {
      jointProgrammes(filter: $filter, first: $first, after: $after) {
        totalCount edges { node { code participants { organisation } } } pageInfo { hasNextPage endCursor } } }`;
    type List = {
      jointProgrammes: {
        totalCount: number;
        edges: { node: { code: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const codes = async (filter: Record<string, unknown>) =>
      (await app.gql<List>(LIST, { filter }, viewer)).data!.jointProgrammes.edges.map((e) => e.node.code);
    await eventually(async () => expect(await codes({ country: 'KHM' })).toEqual(['JP-KHM']));
    expect(await codes({ status: 'ACTIVE' })).toEqual(['JP-MWI']);
    expect(await codes({ organisation: 'UNICEF' })).toEqual(['JP-KHM', 'JP-MWI']);
    expect(await codes({ organisation: 'WFP' })).toEqual(['JP-MWI']);
    expect(await codes({ policyArea: 'FINANCING' })).toEqual(['JP-KHM', 'JP-MWI']);
    expect(await codes({ policyArea: 'SHOCK_RESPONSIVE', country: 'MWI' })).toEqual(['JP-MWI']);

    const page1 = (await app.gql<List>(LIST, { first: 1 }, viewer)).data!.jointProgrammes;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const page2 = (await app.gql<List>(LIST, { first: 1, after: page1.pageInfo.endCursor }, viewer)).data!
      .jointProgrammes;
    expect([...page1.edges, ...page2.edges].map((e) => e.node.code)).toEqual(['JP-KHM', 'JP-MWI']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it("publishes as its RCO, appends nothing when published again, and refuses another country's RCO", async () => {
    const JP_CHANGED = `subscription ($id: ID!) { jointProgrammeChanged(id: $id) {
      jointProgrammeId change version jointProgramme { code published } } }`;
    const notYours = graphqlSubscription(app.url, JP_CHANGED, { id: jpId }); // anonymous, and not yet published
    await notYours.ended;
    expect(notYours.received[0].errors![0]).toMatchObject({
      message: `No joint programme ${jpId}`,
      extensions: { code: 'NOT_FOUND', fields: [{ path: 'id', value: jpId, message: 'no such joint programme' }] },
    });
    const live = graphqlSubscription(app.url, JP_CHANGED, { id: jpId }, viewer);
    await live.connected;
    const published = await sendOk('publishJointProgramme', { id: jpId, expectedVersion: 7 }, malawiRco);
    expect(published.version).toBe(8);
    const before = await eventCount();
    const again = await send<{ version: number; eventIds: string[] }>('publishJointProgramme', { id: jpId }, admin);
    expect(again.errors).toBeUndefined();
    expect(await eventCount()).toBe(before);
    expectError(
      (await send('unpublishJointProgramme', { id: jpId }, cambodiaRco)).errors,
      'FORBIDDEN',
      /^Only a platform admin, a manager of this joint programme or an RCO coordinator of MWI can unpublish this joint programme$/,
    );
    await eventually(async () => expect((await readJp('JP-MWI')).data!.jointProgramme!.published).toBe(true));
    expect((await readJp('JP-KHM')).data!.jointProgramme!.published).toBe(false);
    await eventually(() => expect(live.received).toHaveLength(1)); // the second publish appended nothing
    expect(live.received[0].data).toEqual({
      jointProgrammeChanged: {
        jointProgrammeId: jpId,
        change: 'JointProgrammePublished',
        version: 8,
        jointProgramme: { code: 'JP-MWI', published: true },
      },
    });
    await Promise.all([live.close(), notYours.close()]);
  });

  it('refuses to publish a cancelled programme, naming its state', async () => {
    const { id } = await sendOk('draftJointProgramme', malawiJp({ code: 'JP-MWI-5' }), malawiRco);
    await sendOk('cancelJointProgramme', { id, reason: 'Merged into JP-MWI' }, malawiRco);
    expectError(
      (await send('publishJointProgramme', { id }, malawiRco)).errors,
      'CONFLICT',
      /^JointProgramme is CANCELLED; cannot publish$/,
    );
  });

  it('refuses a period that ends before it starts, naming both dates', async () => {
    const { errors } = await send(
      'draftJointProgramme',
      malawiJp({ code: 'JP-MWI-4', startDate: '2022-03-31', endDate: '2020-02-01' }),
      admin,
    );
    expectError(errors, 'BAD_USER_INPUT', /^endDate: 2020-02-01 is before startDate 2022-03-31$/);
  });

  it('rebuilds both read models from the events into identical tables', async () => {
    const projections = [cooperationFrameworkProjection, jointProgrammeProjection];
    const hashes = () =>
      Promise.all(projections.flatMap((p) => p.tables.map((t) => tableHash(app.database.dataSource, t))));
    // The live projections first handle the last commands, so that no live write races the rebuild.
    const { eventLog, registry } = app.runtime;
    await eventually(async () =>
      expect(await eventLog.lag(projectionGroup('programming'), registry.allContexts)).toBe(0),
    );
    const [{ published }] = await app.database.dataSource.query(
      `SELECT array_agg(published ORDER BY published) AS published FROM programming_joint_programmes`,
    );
    expect(new Set(published)).toEqual(new Set([false, true]));
    const live = await hashes();
    for (const projection of projections) {
      await rebuildProjection(app.database.dataSource, app.runtime.registry, projection);
    }
    expect(await hashes()).toEqual(live);
  });
});
