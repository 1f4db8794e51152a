import { rebuildProjection, tableHash } from '@concord/eventing';
import { eventually, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';
import { directoryContext } from '../../directory.context';
import { coordinationBodyProjection } from '../read-model/coordination-body.projection';

const ESTABLISH = `mutation ($input: EstablishCoordinationBodyInput!) { establishCoordinationBody(input: $input) { id version } }`;
const BODY = `query ($id: ID!) { coordinationBody(id: $id) {
  id name names { en fr } country region kind cadence status dissolvedOn version termsOfReference termsOfReferenceUrl
  members { organisationCode isChair since organisation { code name } }
  chairs { organisationCode }
  interactions { organisationA organisationB level }
  divisionsOfLabour { seq organisations topic note } } }`;
const LIST = `query ($filter: CoordinationBodyFilterInput, $first: Int, $after: String) {
  coordinationBodies(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`;

type Body = Record<string, unknown> & { version: number };
type List = {
  coordinationBodies: {
    totalCount: number;
    edges: { node: { name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

describe('Coordination bodies over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let malawiRco: string;
  let malawiBodyId: string;

  beforeAll(async () => {
    app = await startTestApp([directoryContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    malawiRco = await app.token({ sub: 'rco-mwi', roles: ['rco-coordinator'], countries: ['MWI'] });
    for (const code of ['ILO', 'UNICEF']) {
      const registered = await app.gql(
        `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
        { input: { code, name: `${code} name`, type: '40' } },
        admin,
      );
      expect(registered.errors).toBeUndefined();
    }
  });
  afterAll(() => app.close());

  const establish = async (input: Record<string, unknown>, token = admin) => {
    const result = await app.gql<{ establishCoordinationBody: { id: string; version: number } }>(
      ESTABLISH,
      { input: { kind: 'SP_WORKING_GROUP', ...input } },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.establishCoordinationBody.id;
  };
  /** Sends `mutation(input: { id, ...input })` and answers the GraphQL result. */
  const send = (mutation: string, id: string, input: Record<string, unknown>, token = admin) =>
    app.gql(
      `mutation ($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { version } }`,
      { input: { id, ...input } },
      token,
    );
  const readBack = (id: string, atVersion: number) =>
    eventually(async () => {
      const { data } = await app.gql<{ coordinationBody: Body | null }>(BODY, { id });
      expect(data?.coordinationBody?.version).toBe(atVersion);
      return data!.coordinationBody!;
    });
  const eventCount = async () => (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM events`))[0].n;
  const expectRefused = (result: GqlResult<unknown>, code: string, message: RegExp, fields?: unknown) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toMatch(message);
    expect(result.errors![0].extensions).toMatchObject({ code, ...(fields ? { fields } : {}) });
  };

  it('an RCO coordinator convenes the SP working group of Malawi: members, chair, interaction level, division of labour, terms', async () => {
    malawiBodyId = await establish(
      {
        name: 'Social Protection Sector Working Group',
        names: { fr: 'Groupe de travail sectoriel sur la protection sociale' },
        country: 'MWI',
        region: null,
        cadence: 'MONTHLY',
      },
      malawiRco,
    );
    const steps: [string, Record<string, unknown>][] = [
      ['admitBodyMember', { organisation: 'ILO', since: '2019-03-01' }],
      ['admitBodyMember', { organisation: 'UNICEF', since: '2019-03-01' }],
      ['admitBodyMember', { organisation: 'WFP', since: '2021-07-15' }],
      ['appointBodyChair', { organisation: 'ILO' }],
      ['recordBodyInteractionLevel', { a: 'UNICEF', b: 'ILO', level: 'POLICY_ALIGNMENT' }],
      [
        'recordBodyDivisionOfLabour',
        {
          organisations: ['WFP', 'UNICEF'],
          topic: 'Shock-responsive cash transfers',
          note: 'WFP delivers; UNICEF tops up for children',
        },
      ],
      ['setBodyTermsOfReference', { text: 'Aligns partner support to the MNSSP II.', url: 'https://example.org/tor' }],
    ];
    for (const [mutation, input] of steps) {
      expect({ mutation, errors: (await send(mutation, malawiBodyId, input, malawiRco)).errors }).toEqual({
        mutation,
        errors: undefined,
      });
    }

    expect(await readBack(malawiBodyId, 8)).toEqual({
      id: malawiBodyId,
      name: 'Social Protection Sector Working Group',
      names: {
        en: 'Social Protection Sector Working Group',
        fr: 'Groupe de travail sectoriel sur la protection sociale',
      },
      country: 'MWI',
      region: null,
      kind: 'SP_WORKING_GROUP',
      cadence: 'MONTHLY',
      status: 'ACTIVE',
      dissolvedOn: null,
      version: 8,
      termsOfReference: 'Aligns partner support to the MNSSP II.',
      termsOfReferenceUrl: 'https://example.org/tor',
      members: [
        {
          organisationCode: 'ILO',
          isChair: true,
          since: '2019-03-01',
          organisation: { code: 'ILO', name: 'ILO name' },
        },
        {
          organisationCode: 'UNICEF',
          isChair: false,
          since: '2019-03-01',
          organisation: { code: 'UNICEF', name: 'UNICEF name' },
        },
        { organisationCode: 'WFP', isChair: false, since: '2021-07-15', organisation: null },
      ],
      chairs: [{ organisationCode: 'ILO' }],
      interactions: [{ organisationA: 'ILO', organisationB: 'UNICEF', level: 'POLICY_ALIGNMENT' }],
      divisionsOfLabour: [
        {
          seq: 1,
          organisations: ['WFP', 'UNICEF'],
          topic: 'Shock-responsive cash transfers',
          note: 'WFP delivers; UNICEF tops up for children',
        },
      ],
    });
    const stored = await app.database.dataSource.query(
      `SELECT org_a, org_b, level FROM directory_body_interactions WHERE body_id = $1`,
      [malawiBodyId],
    );
    expect(stored).toEqual([{ org_a: 'ILO', org_b: 'UNICEF', level: 'POLICY_ALIGNMENT' }]);
  });

  it('lists bodies as a Relay connection filtered by country, region, kind and member organisation', async () => {
    const cambodia = await establish({ name: 'UN Country Team Cambodia', country: 'KHM', kind: 'UNCT' });
    await establish({
      name: 'Asia-Pacific issue-based coalition',
      region: 'ASIA_PACIFIC',
      kind: 'ISSUE_BASED_COALITION',
    });
    expect((await send('admitBodyMember', cambodia, { organisation: 'ILO' })).errors).toBeUndefined();
    const names = async (filter: Record<string, unknown>) =>
      (await app.gql<List>(LIST, { filter })).data!.coordinationBodies.edges.map((e) => e.node.name);
    await eventually(async () => expect(await names({ organisation: 'ILO' })).toHaveLength(2));
    expect(await names({ organisation: 'ILO' })).toEqual([
      'Social Protection Sector Working Group',
      'UN Country Team Cambodia',
    ]);
    expect(await names({ organisation: 'WFP' })).toEqual(['Social Protection Sector Working Group']);
    expect(await names({ country: 'MWI' })).toEqual(['Social Protection Sector Working Group']);
    expect(await names({ region: 'ASIA_PACIFIC' })).toEqual(['Asia-Pacific issue-based coalition']);
    expect(await names({ kind: 'UNCT', status: 'ACTIVE' })).toEqual(['UN Country Team Cambodia']);

    const page1 = (await app.gql<List>(LIST, { first: 2 })).data!.coordinationBodies;
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = (await app.gql<List>(LIST, { first: 2, after: page1.pageInfo.endCursor })).data!.coordinationBodies;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect([...page1.edges, ...page2.edges].map((e) => e.node.name)).toEqual([
      'Asia-Pacific issue-based coalition',
      'Social Protection Sector Working Group',
      'UN Country Team Cambodia',
    ]);
    expectRefused(await app.gql(LIST, { after: 'bm9wZQ' }), 'BAD_USER_INPUT', /^after: is not a cursor/, [
      { path: 'after', value: 'bm9wZQ' },
    ]);
  });

  it('removes a member with its interaction levels, and keeps the divisions of labour that name it', async () => {
    expect(
      (await send('removeBodyMember', malawiBodyId, { organisation: 'UNICEF' }, malawiRco)).errors,
    ).toBeUndefined();
    const body = await readBack(malawiBodyId, 9);
    expect(body.members).toEqual([
      expect.objectContaining({ organisationCode: 'ILO' }),
      expect.objectContaining({ organisationCode: 'WFP' }),
    ]);
    expect(body.interactions).toEqual([]);
    expect(body.divisionsOfLabour).toEqual([expect.objectContaining({ seq: 1, organisations: ['WFP', 'UNICEF'] })]);
    const stored = await app.database.dataSource.query(
      `SELECT org_a, org_b FROM directory_body_interactions WHERE body_id = $1`,
      [malawiBodyId],
    );
    expect(stored).toEqual([]);
  });

  it('refuses to appoint a non-member as chair, naming the organisation, and stores nothing', async () => {
    const before = await eventCount();
    expectRefused(
      await send('appointBodyChair', malawiBodyId, { organisation: 'FAO' }, malawiRco),
      'BAD_USER_INPUT',
      /^organisation: FAO is not a member of Social Protection Sector Working Group; admit it before appointing it chair/,
      [{ path: 'organisation', value: 'FAO', message: expect.stringContaining('FAO is not a member') }],
    );
    expectRefused(
      await send('recordBodyInteractionLevel', malawiBodyId, { a: 'ILO', b: 'FAO', level: 'SILOS' }, malawiRco),
      'BAD_USER_INPUT',
      /^b: FAO is not a member/,
      [{ path: 'b', value: 'FAO' }],
    );
    expect(await eventCount()).toBe(before);
  });

  it("refuses an RCO coordinator of Cambodia on Malawi's body, saying who may, and stores nothing", async () => {
    const before = await eventCount();
    const cambodiaRco = await app.token({ roles: ['rco-coordinator'], countries: ['KHM'] });
    expectRefused(
      await send('admitBodyMember', malawiBodyId, { organisation: 'FAO' }, cambodiaRco),
      'FORBIDDEN',
      /^Only an RCO coordinator of MWI or a platform admin can change coordination bodies there$/,
    );
    const editor = await app.token({ roles: ['agency-editor'], org: 'ILO', countries: ['MWI'] });
    expectRefused(await send('appointBodyChair', malawiBodyId, { organisation: 'ILO' }, editor), 'FORBIDDEN', /MWI/);
    expect(await eventCount()).toBe(before);
  });

  it('keeps regional bodies to platform admins', async () => {
    const result = await app.gql(
      ESTABLISH,
      { input: { name: 'Southern Africa SP network', region: 'SOUTHERN_AFRICA', kind: 'OTHER' } },
      malawiRco,
    );
    expectRefused(
      result,
      'FORBIDDEN',
      /^Only a platform admin can change regional coordination bodies \(SOUTHERN_AFRICA\)/,
    );
  });

  it('dissolves a body and then refuses changes, naming its state', async () => {
    const id = await establish({ name: 'MNSSP review task force', country: 'MWI', kind: 'OTHER' });
    expect((await send('dissolveCoordinationBody', id, { on: '2025-12-31' }, malawiRco)).errors).toBeUndefined();
    expect(await readBack(id, 2)).toMatchObject({ status: 'DISSOLVED', dissolvedOn: '2025-12-31' });
    expectRefused(
      await send('admitBodyMember', id, { organisation: 'ILO' }, malawiRco),
      'CONFLICT',
      /^CoordinationBody is DISSOLVED; cannot admit a member$/,
    );
  });

  it('refuses a body with neither country nor region, naming both fields', async () => {
    const result = await app.gql(ESTABLISH, { input: { name: 'Nowhere', kind: 'OTHER' } }, admin);
    expectRefused(result, 'BAD_USER_INPUT', /exactly one of country \(ISO3\) or region/, [
      expect.objectContaining({ path: 'country' }),
      expect.objectContaining({ path: 'region' }),
    ]);
  });

  it('rebuilds the read model from the events into identical tables', async () => {
    const { dataSource, registry } = app.runtime;
    const hashes = () => Promise.all(coordinationBodyProjection.tables.map((t) => tableHash(dataSource, t)));
    const live = await hashes();
    await rebuildProjection(dataSource, registry, coordinationBodyProjection);
    expect(await hashes()).toEqual(live);
  });
});

/** `admitBodyMember` → `AdmitBodyMemberInput`; the chair and removal mutations share one input. */
function inputTypeOf(mutation: string): string {
  if (['removeBodyMember', 'appointBodyChair', 'relieveBodyChair'].includes(mutation)) return 'BodyOrganisationInput';
  return `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
}
