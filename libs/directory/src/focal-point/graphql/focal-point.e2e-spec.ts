import { rebuildProjection, tableHash } from '@concord/eventing';
import { eventually, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';
import { directoryContext } from '../../directory.context';
import { focalPointProjection } from '../read-model/focal-point.projection';

const REGISTER = `mutation ($input: RegisterFocalPointInput!) { registerFocalPoint(input: $input) { id version } }`;
const UPDATE = `mutation ($input: UpdateFocalPointInput!) { updateFocalPoint(input: $input) { version } }`;
const ONE = `query ($id: ID!) { focalPoint(id: $id) {
  id personName email phone organisationCode country role tags status leftOn version organisation { code } } }`;
const LIST = `query ($filter: FocalPointFilterInput, $first: Int, $after: String) {
  focalPoints(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { role personName email } } pageInfo { hasNextPage endCursor } } }`;

type FocalPoint = Record<string, unknown> & { version: number };
type List = {
  focalPoints: {
    totalCount: number;
    edges: { node: { role: string; personName: string | null; email: string | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

const chikondi = {
  personName: 'Chikondi Banda',
  email: 'cbanda@unicef.org',
  phone: '+265 1 770 770',
  organisation: 'UNICEF',
  country: 'MWI',
  role: 'Social policy specialist',
  tags: ['CHILDREN', 'CASH_TRANSFER'],
};

describe('Focal points over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let unicefEditor: string;
  let focalPointId: string;

  beforeAll(async () => {
    app = await startTestApp([directoryContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    unicefEditor = await app.token({ sub: 'ed-unicef', roles: ['agency-editor'], org: 'UNICEF', countries: ['MWI'] });
    const registered = await app.gql(
      `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
      { input: { code: 'UNICEF', name: 'UNICEF', type: '40' } },
      admin,
    );
    expect(registered.errors).toBeUndefined();
  });
  afterAll(() => app.close());

  const register = (input: Record<string, unknown>, token = admin) =>
    app.gql<{ registerFocalPoint: { id: string; version: number } }>(REGISTER, { input }, token);
  const readBack = (id: string, atVersion: number, token?: string) =>
    eventually(async () => {
      const { data } = await app.gql<{ focalPoint: FocalPoint | null }>(ONE, { id }, token);
      expect(data?.focalPoint?.version).toBe(atVersion);
      return data!.focalPoint!;
    });
  const counts = async () =>
    (
      await app.database.dataSource.query(
        `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM directory_focal_points) AS rows`,
      )
    )[0];
  const expectRefused = (result: GqlResult<unknown>, code: string, message: RegExp, fields?: unknown) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toMatch(message);
    expect(result.errors![0].extensions).toMatchObject({ code, ...(fields ? { fields } : {}) });
  };

  it("lets UNICEF's agency editor in Malawi register its focal point, read back in full with a token", async () => {
    const { data, errors } = await register(chikondi, unicefEditor);
    expect(errors).toBeUndefined();
    focalPointId = data!.registerFocalPoint.id;
    expect(await readBack(focalPointId, 1, unicefEditor)).toEqual({
      id: focalPointId,
      personName: 'Chikondi Banda',
      email: 'cbanda@unicef.org',
      phone: '+265 1 770 770',
      organisationCode: 'UNICEF',
      country: 'MWI',
      role: 'Social policy specialist',
      tags: ['CHILDREN', 'CASH_TRANSFER'],
      status: 'ACTIVE',
      leftOn: null,
      version: 1,
      organisation: { code: 'UNICEF' },
    });
  });

  it('hides name, email and phone from anonymous callers, in one focal point and in lists', async () => {
    expect(await readBack(focalPointId, 1)).toMatchObject({
      personName: null,
      email: null,
      phone: null,
      role: 'Social policy specialist',
      organisationCode: 'UNICEF',
    });
    const anonymous = await app.gql<List>(LIST, { filter: { country: 'MWI' } });
    expect(anonymous.data!.focalPoints.edges.map((e) => e.node)).toEqual([
      { role: 'Social policy specialist', personName: null, email: null },
    ]);
    const viewer = await app.token({ roles: ['viewer'] });
    const signedIn = await app.gql<List>(LIST, { filter: { country: 'MWI' } }, viewer);
    expect(signedIn.data!.focalPoints.edges.map((e) => e.node)).toEqual([
      { role: 'Social policy specialist', personName: 'Chikondi Banda', email: 'cbanda@unicef.org' },
    ]);
  });

  it('refuses an invalid email with a field error on email, and stores nothing', async () => {
    const before = await counts();
    const result = await register({ ...chikondi, email: 'cbanda-at-unicef.org' }, unicefEditor);
    expectRefused(result, 'BAD_USER_INPUT', /^email: must be an email address/, [
      { path: 'email', value: 'cbanda-at-unicef.org', message: 'must be an email address such as name@agency.org' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses an expertise tag outside the vocabularies, naming its position', async () => {
    const result = await register({ ...chikondi, tags: ['CASH_TRANSFER', 'KNITTING'] });
    expectRefused(result, 'BAD_USER_INPUT', /^tags\.1:/, [{ path: 'tags.1', value: 'KNITTING' }]);
  });

  it("refuses another agency's editor and another country's RCO coordinator, saying who may", async () => {
    const before = await counts();
    const wfpEditor = await app.token({ roles: ['agency-editor'], org: 'WFP', countries: ['MWI'] });
    const cambodiaRco = await app.token({ roles: ['rco-coordinator'], countries: ['KHM'] });
    for (const token of [wfpEditor, cambodiaRco]) {
      expectRefused(
        await app.gql(UPDATE, { input: { id: focalPointId, role: 'Hijacked' } }, token),
        'FORBIDDEN',
        /^Only a platform admin, an RCO coordinator of MWI or an agency editor of UNICEF in MWI can change/,
      );
    }
    expectRefused(await register({ ...chikondi, organisation: 'WFP' }, unicefEditor), 'FORBIDDEN', /of WFP in MWI/);
    expect(await counts()).toEqual(before);
  });

  it("lets Malawi's RCO coordinator update any focal point there; null removes the phone", async () => {
    const malawiRco = await app.token({ roles: ['rco-coordinator'], countries: ['MWI'] });
    const result = await app.gql(
      UPDATE,
      { input: { id: focalPointId, phone: null, role: 'Chief, Social Policy', tags: ['CHILDREN', 'FINANCING'] } },
      malawiRco,
    );
    expect(result.errors).toBeUndefined();
    expect(await readBack(focalPointId, 2, admin)).toMatchObject({
      phone: null,
      email: 'cbanda@unicef.org',
      role: 'Chief, Social Policy',
      tags: ['CHILDREN', 'FINANCING'],
    });
  });

  it('lists focal points filtered by organisation and expertise tag, a page at a time', async () => {
    const others = [
      { ...chikondi, personName: 'Sok Dara', email: 'sdara@unicef.org', country: 'KHM', tags: [] },
      { ...chikondi, personName: 'Ana Lima', email: 'alima@unicef.org', country: 'MOZ' },
    ];
    for (const input of others) expect((await register(input)).errors).toBeUndefined();
    const roles = async (filter: Record<string, unknown>) =>
      (await app.gql<List>(LIST, { filter })).data!.focalPoints.edges.map((e) => e.node.role);
    await eventually(async () => expect(await roles({ organisation: 'UNICEF' })).toHaveLength(3));
    expect(await roles({ tag: 'FINANCING' })).toEqual(['Chief, Social Policy']);
    expect(await roles({ tag: 'CASH_TRANSFER' })).toEqual(['Social policy specialist']);
    expect(await roles({ organisation: 'WFP' })).toEqual([]);

    const page1 = (await app.gql<List>(LIST, { first: 2 })).data!.focalPoints;
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = (await app.gql<List>(LIST, { first: 2, after: page1.pageInfo.endCursor })).data!.focalPoints;
    expect(page2.edges).toHaveLength(1);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('marks a focal point as left and then refuses updates, naming its state', async () => {
    const left = await app.gql(
      `mutation ($input: MarkFocalPointLeftInput!) { markFocalPointLeft(input: $input) { version } }`,
      { input: { id: focalPointId, on: '2025-06-30' } },
      unicefEditor,
    );
    expect(left.errors).toBeUndefined();
    expect(await readBack(focalPointId, 3)).toMatchObject({ status: 'LEFT', leftOn: '2025-06-30' });
    expectRefused(
      await app.gql(UPDATE, { input: { id: focalPointId, role: 'Back' } }, unicefEditor),
      'CONFLICT',
      /^FocalPoint is LEFT; cannot update it$/,
    );
  });

  it('rebuilds the read model from the events into an identical table', async () => {
    const { dataSource, registry } = app.runtime;
    const live = await tableHash(dataSource, 'directory_focal_points');
    await rebuildProjection(dataSource, registry, focalPointProjection);
    expect(await tableHash(dataSource, 'directory_focal_points')).toBe(live);
  });
});
