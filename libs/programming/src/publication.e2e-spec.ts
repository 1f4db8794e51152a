import { directoryContext } from '@concord/directory';
import { eventually, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';
import { programmingContext } from './programming.context';

/**
 * ADR 0007: anonymous callers read only published items — activities and joint programmes once
 * published, Cooperation Frameworks once ACTIVE or CLOSED — in lists (counts and pages included),
 * by id or code, and through the fields that lead from one item to another. Signed-in callers,
 * whatever their role, read everything.
 */
describe('Anonymous callers read only published items (GraphQL over HTTP)', () => {
  let app: TestApp;
  let admin: string;
  let viewer: string;
  let draftFrameworkId: string;
  let draftOutputId: string;
  let activeOutputId: string;
  let jpId: string;
  let shownId: string;
  let hiddenId: string;

  const mutate = async (mutation: string, input: Record<string, unknown>) => {
    const { data, errors } = await app.gql<Record<string, { id: string; version: number; eventIds: string[] }>>(
      `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id version eventIds } }`,
      { input },
      admin,
    );
    expect(errors).toBeUndefined();
    return data![mutation];
  };

  /** Everything the checks look at, in one request: lists, one-item queries and the fields that lead elsewhere. */
  const READ = `query ($jpId: ID!, $jpCode: String!, $shownId: ID!, $hiddenId: ID!, $draftId: ID!) {
    jointProgrammes(filter: { country: "KHM" }) { totalCount edges { node { code published } } }
    byId: jointProgramme(id: $jpId) { code }
    byCode: jointProgramme(code: $jpCode) { code published results { id framework { code } } reports { period } }
    activities(filter: { country: "KHM" }, first: 1) {
      totalCount edges { node { id published } } pageInfo { hasNextPage } }
    inProgramme: activities(filter: { jointProgrammeId: $jpId }) { totalCount }
    shown: activity(id: $shownId) { id jointProgrammeId frameworkOutputId published }
    hidden: activity(id: $hiddenId) { id }
    cooperationFrameworks(filter: { country: "KHM" }) { totalCount edges { node { code published } } }
    draft: cooperationFramework(id: $draftId) { code }
    draftByCode: cooperationFramework(code: "KHM-DRAFT") { code }
  }`;
  interface Read {
    jointProgrammes: { totalCount: number; edges: { node: { code: string; published: boolean } }[] };
    byId: { code: string } | null;
    byCode: {
      code: string;
      published: boolean;
      results: { id: string; framework: { code: string } | null }[];
      reports: { period: string }[];
    } | null;
    activities: {
      totalCount: number;
      edges: { node: { id: string; published: boolean } }[];
      pageInfo: { hasNextPage: boolean };
    };
    inProgramme: { totalCount: number };
    shown: { id: string; jointProgrammeId: string | null; frameworkOutputId: string | null; published: boolean } | null;
    hidden: { id: string } | null;
    cooperationFrameworks: { totalCount: number; edges: { node: { code: string; published: boolean } }[] };
    draft: { code: string } | null;
    draftByCode: { code: string } | null;
  }
  const read = async (token?: string): Promise<Read> => {
    const variables = { jpId, jpCode: 'JP-KHM-PUB', shownId, hiddenId, draftId: draftFrameworkId };
    const { data, errors }: GqlResult<Read> = await app.gql<Read>(READ, variables, token);
    expect(errors).toBeUndefined();
    return data!;
  };
  const anonymously = () => read();
  const signedIn = () => read(viewer);

  /** Waits until the read model holds the row. */
  const projected = (sql: string, id: string) =>
    eventually(async () => expect(await app.database.dataSource.query(sql, [id])).toHaveLength(1));

  /** A framework of Cambodia with one priority → outcome → output; the output's id. */
  async function framework(code: string): Promise<{ id: string; outputId: string }> {
    const { id } = await mutate('createCooperationFramework', {
      code,
      title: `UNSDCF Cambodia (${code})`,
      countries: ['KHM'],
      startDate: '2019-01-01',
      endDate: '2023-12-31',
    });
    await mutate('addStrategicPriority', { id, code: 'SP1', title: 'People' });
    await mutate('addOutcome', { id, priorityCode: 'SP1', code: '1.1', title: 'Coverage' });
    await mutate('addOutput', { id, outcomeCode: '1.1', code: '1.1.1', title: 'Registry' });
    return { id, outputId: `${id}:1.1.1` };
  }

  const activity = (title: string) => ({
    titles: { en: title },
    organisation: 'ILO',
    country: 'KHM',
    start: '2020-03-01',
    end: '2021-12-31',
    jointProgrammeId: jpId,
    frameworkOutputId: draftOutputId,
  });

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    viewer = await app.token({ sub: 'viewer-1', roles: ['viewer'] });
    const draft = await framework('KHM-DRAFT');
    draftFrameworkId = draft.id;
    draftOutputId = draft.outputId;
    const active = await framework('KHM-ACTIVE');
    activeOutputId = active.outputId;
    await mutate('activateCooperationFramework', { id: active.id });
    // The handlers read framework results and the programme's period from the read models.
    await projected(`SELECT 1 FROM programming_framework_results WHERE id = $1`, activeOutputId);
    jpId = (
      await mutate('draftJointProgramme', {
        code: 'JP-KHM-PUB',
        title: 'Rollout of the National Social Protection Policy Framework',
        countries: ['KHM'],
        startDate: '2020-01-01',
        endDate: '2022-12-31',
      })
    ).id;
    await projected(`SELECT 1 FROM programming_joint_programmes WHERE id = $1`, jpId);
    await mutate('linkFrameworkResults', { id: jpId, resultIds: [draftOutputId, activeOutputId] });
    shownId = (await mutate('registerActivity', activity('Social protection floor costing'))).id;
    hiddenId = (await mutate('registerActivity', activity('Social insurance diagnostic'))).id;
    await eventually(async () => expect((await signedIn()).activities.totalCount).toBe(2));
  });
  afterAll(() => app.close());

  it('hides what is not published from anonymous callers: lists, counts, by id or code, nested', async () => {
    const anonymous = await anonymously();
    expect(anonymous).toEqual({
      jointProgrammes: { totalCount: 0, edges: [] },
      byId: null,
      byCode: null,
      activities: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false } },
      inProgramme: { totalCount: 0 },
      shown: null,
      hidden: null,
      cooperationFrameworks: { totalCount: 1, edges: [{ node: { code: 'KHM-ACTIVE', published: true } }] },
      draft: null,
      draftByCode: null,
    });
  });

  it('shows everything to a signed-in caller of any role', async () => {
    const seen = await signedIn();
    expect(seen).toMatchObject({
      jointProgrammes: { totalCount: 1, edges: [{ node: { code: 'JP-KHM-PUB', published: false } }] },
      byId: { code: 'JP-KHM-PUB' },
      byCode: {
        published: false,
        results: expect.arrayContaining([
          { id: draftOutputId, framework: { code: 'KHM-DRAFT' } },
          { id: activeOutputId, framework: { code: 'KHM-ACTIVE' } },
        ]),
      },
      activities: { totalCount: 2, pageInfo: { hasNextPage: true } },
      inProgramme: { totalCount: 2 },
      shown: { id: shownId, jointProgrammeId: jpId, frameworkOutputId: draftOutputId, published: false },
      hidden: { id: hiddenId },
      cooperationFrameworks: { totalCount: 2 },
      draft: { code: 'KHM-DRAFT' },
      draftByCode: { code: 'KHM-DRAFT' },
    });
  });

  it('shows published items to anonymous callers, leading only to what is published', async () => {
    await mutate('publishJointProgramme', { id: jpId });
    await mutate('publishActivity', { id: shownId });
    const anonymous = await eventually(async () => {
      const seen = await anonymously();
      expect(seen.shown).not.toBeNull();
      expect(seen.byCode).not.toBeNull();
      return seen;
    });
    expect(anonymous).toEqual({
      jointProgrammes: { totalCount: 1, edges: [{ node: { code: 'JP-KHM-PUB', published: true } }] },
      byId: { code: 'JP-KHM-PUB' },
      // The output of the draft framework stays hidden, though the programme links it.
      byCode: {
        code: 'JP-KHM-PUB',
        published: true,
        results: [{ id: activeOutputId, framework: { code: 'KHM-ACTIVE' } }],
        reports: [],
      },
      // One of two activities: the count and the pages are of what the caller sees.
      activities: {
        totalCount: 1,
        edges: [{ node: { id: shownId, published: true } }],
        pageInfo: { hasNextPage: false },
      },
      inProgramme: { totalCount: 1 },
      shown: { id: shownId, jointProgrammeId: jpId, frameworkOutputId: null, published: true },
      hidden: null,
      cooperationFrameworks: { totalCount: 1, edges: [{ node: { code: 'KHM-ACTIVE', published: true } }] },
      draft: null,
      draftByCode: null,
    });
  });

  it('shows a framework to anonymous callers once it is signed (ACTIVE), and its outputs where linked', async () => {
    await mutate('activateCooperationFramework', { id: draftFrameworkId });
    const anonymous = await eventually(async () => {
      const seen = await anonymously();
      expect(seen.draft).not.toBeNull();
      return seen;
    });
    expect(anonymous.cooperationFrameworks.totalCount).toBe(2);
    expect(anonymous.draftByCode).toEqual({ code: 'KHM-DRAFT' });
    expect(anonymous.byCode!.results).toEqual(
      expect.arrayContaining([
        { id: draftOutputId, framework: { code: 'KHM-DRAFT' } },
        { id: activeOutputId, framework: { code: 'KHM-ACTIVE' } },
      ]),
    );
    expect(anonymous.shown!.frameworkOutputId).toBe(draftOutputId);
  });

  it('hides them again once unpublished, from anonymous callers only', async () => {
    await mutate('unpublishJointProgramme', { id: jpId });
    const anonymous = await eventually(async () => {
      const seen = await anonymously();
      expect(seen.byCode).toBeNull();
      return seen;
    });
    expect(anonymous).toMatchObject({
      jointProgrammes: { totalCount: 0, edges: [] },
      byId: null,
      // The activity stays published; its link to the unpublished programme does not show, nor does
      // filtering by that programme confirm it exists.
      shown: { id: shownId, jointProgrammeId: null, published: true },
      inProgramme: { totalCount: 0 },
      activities: { totalCount: 1 },
    });

    const unpublished = await mutate('unpublishActivity', { id: shownId });
    expect(unpublished.eventIds).toHaveLength(1);
    expect((await mutate('unpublishActivity', { id: shownId })).eventIds).toEqual([]);
    await eventually(async () => expect((await anonymously()).shown).toBeNull());
    expect((await anonymously()).activities).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });

    expect(await signedIn()).toMatchObject({
      byCode: { published: false },
      shown: { id: shownId, jointProgrammeId: jpId, published: false },
      activities: { totalCount: 2 },
    });
  });
});
