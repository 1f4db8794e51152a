import { eventually, startTestApp, type TestApp } from '@concord/test-support';
import { directoryContext } from '../../directory.context';

const REGISTER = `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id version replayed } }`;
const BY_CODE = `query ($code: String!) { organisation(code: $code) { id code name names { en fr } type iatiOrgId version
  mandates { areaKind areaCode level } presences { country residency office } parent { code } } }`;

describe('Organisations over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp([directoryContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
  });
  afterAll(() => app.close());

  const register = async (code: string, extra: Record<string, unknown> = {}, token = admin) =>
    app.gql<{ registerOrganisation: { id: string; version: number; replayed: boolean } }>(
      REGISTER,
      { input: { code, name: `${code} name`, type: '40', ...extra } },
      token,
    );
  const readBack = (code: string) =>
    eventually(async () => {
      const { data } = await app.gql<{ organisation: Record<string, unknown> | null }>(BY_CODE, { code });
      expect(data?.organisation).not.toBeNull();
      return data!.organisation!;
    });
  const eventCount = async () => (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM events`))[0].n;

  it('registers an organisation and reads it back by code and by id', async () => {
    const { data, errors } = await register('UNICEF', {
      name: 'UNICEF',
      names: { fr: 'UNICEF (fr)' },
      iatiOrgId: 'XM-DAC-41122',
    });
    expect(errors).toBeUndefined();
    expect(data!.registerOrganisation).toEqual({ id: expect.any(String), version: 1, replayed: false });
    const org = await readBack('UNICEF');
    expect(org).toMatchObject({
      id: data!.registerOrganisation.id,
      code: 'UNICEF',
      name: 'UNICEF',
      names: { en: 'UNICEF', fr: 'UNICEF (fr)' },
      iatiOrgId: 'XM-DAC-41122',
      version: 1,
    });
    const byId = await app.gql<{ organisation: { code: string } }>(
      `query ($id: ID) { organisation(id: $id) { code } }`,
      { id: org.id },
    );
    expect(byId.data!.organisation.code).toBe('UNICEF');
  });

  it('maintains mandates and country presence, with the parent resolved', async () => {
    const parent = await register('UN_SYSTEM');
    const child = await register('WFP', { parentId: parent.data!.registerOrganisation.id });
    const id = child.data!.registerOrganisation.id;
    const send = (mutation: string, input: Record<string, unknown>) =>
      app.gql(
        `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { version } }`,
        { input: { id, ...input } },
        admin,
      );
    expect(
      (await send('declareMandate', { area: { kind: 'GUARANTEE', code: 'CHILDREN' }, level: 'CORE' })).errors,
    ).toBeUndefined();
    expect(
      (await send('declareMandate', { area: { kind: 'POLICY_AREA', code: 'SHOCK_RESPONSIVE' }, level: 'LEAD' })).errors,
    ).toBeUndefined();
    expect((await send('withdrawMandate', { area: { kind: 'GUARANTEE', code: 'CHILDREN' } })).errors).toBeUndefined();
    expect(
      (await send('establishCountryPresence', { country: 'MWI', residency: 'RESIDENT', office: 'Lilongwe' })).errors,
    ).toBeUndefined();
    expect(
      (await send('establishCountryPresence', { country: 'KHM', residency: 'NON_RESIDENT' })).errors,
    ).toBeUndefined();
    expect((await send('closeCountryPresence', { country: 'KHM' })).errors).toBeUndefined();
    await eventually(async () => {
      const org = await readBack('WFP');
      expect(org).toMatchObject({
        version: 7,
        parent: { code: 'UN_SYSTEM' },
        mandates: [{ areaKind: 'POLICY_AREA', areaCode: 'SHOCK_RESPONSIVE', level: 'LEAD' }],
        presences: [{ country: 'MWI', residency: 'RESIDENT', office: 'Lilongwe' }],
      });
    });
  });

  it('lists organisations as a Relay connection filtered by type, country and mandate', async () => {
    await register('FAO', { type: '40' });
    await register('GIZ', { type: '10' });
    const LIST = `query ($filter: OrganisationFilterInput, $first: Int, $after: String) {
      organisations(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`;
    type List = {
      organisations: {
        totalCount: number;
        edges: { node: { code: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    await eventually(async () => {
      const bilateral = await app.gql<List>(LIST, { filter: { type: '10' } });
      expect(bilateral.data!.organisations.edges.map((e) => e.node.code)).toEqual(['GIZ']);
    });
    const inMalawi = await app.gql<List>(LIST, { filter: { country: 'MWI' } });
    expect(inMalawi.data!.organisations.edges.map((e) => e.node.code)).toEqual(['WFP']);
    const shockLeads = await app.gql<List>(LIST, {
      filter: { mandate: { kind: 'POLICY_AREA', code: 'SHOCK_RESPONSIVE' } },
    });
    expect(shockLeads.data!.organisations.edges.map((e) => e.node.code)).toEqual(['WFP']);

    const page1 = await app.gql<List>(LIST, { first: 2 });
    expect(page1.data!.organisations.pageInfo.hasNextPage).toBe(true);
    const page2 = await app.gql<List>(LIST, { first: 2, after: page1.data!.organisations.pageInfo.endCursor });
    const codes = [...page1.data!.organisations.edges, ...page2.data!.organisations.edges].map((e) => e.node.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(4);
    const tooMany = await app.gql(LIST, { first: 1000 });
    expect(tooMany.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'first', value: 1000 }],
    });
  });

  describe('authentication and authorisation', () => {
    it('refuses a mutation without a token as UNAUTHENTICATED, and stores nothing', async () => {
      const before = await eventCount();
      const { errors } = await app.gql(REGISTER, { input: { code: 'ANON', name: 'Anon', type: '40' } });
      expect(errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(await eventCount()).toBe(before);
    });

    it('refuses a forged or expired token as UNAUTHENTICATED', async () => {
      const forged = admin.slice(0, -4) + 'AAAA';
      expect((await register('FORGED', {}, forged)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      const { errors } = await app.gql(`{ organisations { totalCount } }`, {}, 'not-a-jwt');
      expect(errors![0]).toMatchObject({
        message: expect.stringMatching(/bearer token was refused/),
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });

    it('refuses a viewer with FORBIDDEN, and lets an agency editor change only its own organisation', async () => {
      const viewer = await app.token({ roles: ['viewer'] });
      expect((await register('VIEWED', {}, viewer)).errors![0].extensions!.code).toBe('FORBIDDEN');
      const unicef = await readBack('UNICEF');
      const rename = (token: string) =>
        app.gql(
          `mutation ($input: RenameOrganisationInput!) { renameOrganisation(input: $input) { version } }`,
          { input: { id: unicef.id, name: 'UNICEF renamed' } },
          token,
        );
      const wfpEditor = await app.token({ roles: ['agency-editor'], org: 'WFP' });
      expect((await rename(wfpEditor)).errors![0].extensions!.code).toBe('FORBIDDEN');
      const unicefEditor = await app.token({ sub: 'editor-7', roles: ['agency-editor'], org: 'UNICEF' });
      expect((await rename(unicefEditor)).errors).toBeUndefined();
    });

    it('records the actor and correlation id of each change in the audit trail', async () => {
      const unicef = await readBack('UNICEF');
      const anonymous = await app.gql(`query ($id: ID!) { auditTrail(streamId: $id) { totalCount } }`, {
        id: unicef.id,
      });
      expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      const { data } = await app.gql<{
        auditTrail: { totalCount: number; edges: { node: Record<string, unknown> }[] };
      }>(
        `query ($id: ID!) { auditTrail(streamId: $id) { totalCount edges { node { type version actorId actorRoles actorOrganisation correlationId data } } } }`,
        { id: unicef.id },
        admin,
      );
      expect(data!.auditTrail.totalCount).toBe(2);
      expect(data!.auditTrail.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({
          type: 'OrganisationRegistered',
          version: 1,
          actorId: 'admin-1',
          actorRoles: ['platform-admin'],
        }),
        expect.objectContaining({
          type: 'OrganisationRenamed',
          version: 2,
          actorId: 'editor-7',
          actorOrganisation: 'UNICEF',
          data: expect.objectContaining({ name: 'UNICEF renamed' }),
        }),
      ]);
    });
  });

  describe('bad input leaves nothing behind', () => {
    const expectRefused = async (
      result: { errors?: { extensions?: Record<string, unknown> }[] },
      code: string,
      fields?: unknown,
    ) => {
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code, ...(fields ? { fields } : {}) });
    };

    it('an empty name', async () => {
      const before = await eventCount();
      await expectRefused(await register('EMPTY', { name: '' }), 'BAD_USER_INPUT', [{ path: 'name', value: '' }]);
      expect(await eventCount()).toBe(before);
    });

    it('an over-long name', async () => {
      await expectRefused(await register('LONG', { name: 'x'.repeat(201) }), 'BAD_USER_INPUT', [
        expect.objectContaining({ path: 'name', message: expect.stringMatching(/200/) }),
      ]);
    });

    it('a parent that is no registered organisation, naming it, and nothing is stored', async () => {
      const before = await eventCount();
      const unicef = await readBack('UNICEF');
      const parentId = '00000000-0000-4000-8000-000000000000';
      await expectRefused(await register('ORPHAN', { parentId }), 'BAD_USER_INPUT', [
        { path: 'parentId', value: parentId, message: 'is not a registered organisation' },
      ]);
      expect(await eventCount()).toBe(before);
      const adopted = await register('ADOPTED', { parentId: unicef.id });
      expect(adopted.errors).toBeUndefined();
    });

    it('an unknown country code, naming the field and the value', async () => {
      const unicef = await readBack('UNICEF');
      const result = await app.gql(
        `mutation ($input: EstablishCountryPresenceInput!) { establishCountryPresence(input: $input) { version } }`,
        { input: { id: unicef.id, country: 'ZZZ', residency: 'RESIDENT' } },
        admin,
      );
      await expectRefused(result, 'BAD_USER_INPUT', [
        { path: 'country', value: 'ZZZ', message: expect.stringMatching(/alpha-3/) },
      ]);
    });

    it('a duplicate organisation code is a CONFLICT naming the code, and no second organisation appears', async () => {
      const before = await eventCount();
      const result = await register('UNICEF');
      await expectRefused(result, 'CONFLICT', [
        { path: 'organisation.code', value: 'UNICEF', message: 'is already taken' },
      ]);
      expect(await eventCount()).toBe(before);
    });

    it('a stale expectedVersion is a CONFLICT, not a silent overwrite', async () => {
      const unicef = await readBack('UNICEF');
      const result = await app.gql(
        `mutation ($input: RenameOrganisationInput!) { renameOrganisation(input: $input) { version } }`,
        { input: { id: unicef.id, name: 'Overwrite?', expectedVersion: 1 } },
        admin,
      );
      await expectRefused(result, 'CONFLICT', [expect.objectContaining({ path: 'expectedVersion', value: 1 })]);
    });

    it('malformed variables are BAD_USER_INPUT before any resolver runs', async () => {
      const result = await app.gql(REGISTER, { input: { code: 'BAD', name: 42, type: '40' } }, admin);
      await expectRefused(result, 'BAD_USER_INPUT');
      const missing = await app.gql(REGISTER, { input: { code: 'BAD' } }, admin);
      expect(missing.errors!.map((e) => [e.extensions!.code, e.message.match(/Field "(\w+)"/)![1]])).toEqual([
        ['BAD_USER_INPUT', 'name'],
        ['BAD_USER_INPUT', 'type'],
      ]);
    });
  });

  it('answers a retried commandId with the first result and writes once', async () => {
    const input = { code: 'UNDP', name: 'UNDP', type: '40', commandId: 'register-undp-0001' };
    const first = await app.gql<{ registerOrganisation: { id: string; replayed: boolean } }>(
      REGISTER,
      { input },
      admin,
    );
    const retry = await app.gql<{ registerOrganisation: { id: string; replayed: boolean } }>(
      REGISTER,
      { input },
      admin,
    );
    expect(retry.data!.registerOrganisation).toEqual({ ...first.data!.registerOrganisation, replayed: true });
    const [{ n }] = await app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE data->>'code' = 'UNDP'`,
    );
    expect(n).toBe(1);
  });

  it("echoes the caller's correlation id and stores it on the events it causes", async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin}`,
        'x-correlation-id': 'trace-me-42',
      },
      body: JSON.stringify({ query: REGISTER, variables: { input: { code: 'IOM', name: 'IOM', type: '40' } } }),
    });
    expect(response.headers.get('x-correlation-id')).toBe('trace-me-42');
    const [event] = await app.database.dataSource.query(`SELECT metadata FROM events WHERE data->>'code' = 'IOM'`);
    expect(event.metadata.correlationId).toBe('trace-me-42');
  });

  it('serves liveness, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${app.url}/health/ready`);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/concord_events_appended_total\{stream_type="Organisation"\} \d+/);
    expect(metrics).toMatch(/concord_consumer_lag_events\{group="directory-projections"\} \d+/);
    expect(metrics).toContain('concord_http_request_duration_seconds_bucket');
    expect(metrics).toMatch(/concord_commands_total\{command="registerOrganisation",outcome="OK"\} \d+/);
    expect(metrics).toMatch(/concord_commands_total\{command="registerOrganisation",outcome="CONFLICT"\} 1/);
  });
});
