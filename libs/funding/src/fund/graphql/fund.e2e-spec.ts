import { directoryContext } from '@concord/directory';
import { rebuildProjection, tableHash } from '@concord/eventing';
import { eventually, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';
import { fundingContext } from '../../funding.context';
import { fundProjection } from '../read-model/fund.projection';

const ESTABLISH = `mutation ($input: EstablishFundInput!) { establishFund(input: $input) { id version } }`;
const REVISE = `mutation ($input: ReviseFundInput!) { reviseFund(input: $input) { version eventIds } }`;
const CLOSE = `mutation ($input: CloseFundInput!) { closeFund(input: $input) { version } }`;
const FIELDS = `id code name kind managingOrganisationCode contributors windows { code title } target { amount currency }
  start end status closedOn version managingOrganisation { code name }`;
const ONE = `query ($id: ID!) { fund(id: $id) { ${FIELDS} } }`;
const BY_CODE = `query ($code: String!) { fundByCode(code: $code) { ${FIELDS} } }`;
const LIST = `query ($filter: FundFilterInput, $first: Int, $after: String) {
  funds(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }`;

type Fund = Record<string, unknown> & { version: number };
type List = { funds: { totalCount: number; edges: { node: { code: string } }[]; pageInfo: PageInfo } };
type PageInfo = { hasNextPage: boolean; endCursor: string };

const jointSdgFund = {
  code: 'JOINT_SDG_FUND',
  name: 'Joint SDG Fund',
  kind: 'POOLED_FUND',
  managingOrganisation: 'UNMPTFO',
  contributors: ['EU', 'SWE'],
  windows: [{ code: 'SP_LNOB', title: 'Social protection and leaving no one behind' }],
};
const flagship = {
  code: 'ILO_SPF_FLAGSHIP_2',
  name: 'ILO Global Flagship Programme on Building Social Protection Floors for All, phase 2',
  kind: 'GLOBAL_PROGRAMME',
  managingOrganisation: 'ILO',
  target: { amount: '160000000', currency: 'USD' },
  start: '2021-01-01',
  end: '2025-12-31',
};

describe('Funds over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let mptfoEditor: string;
  let iloEditor: string;
  let sdgFundId: string;
  let flagshipId: string;

  beforeAll(async () => {
    app = await startTestApp([directoryContext, fundingContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    mptfoEditor = await app.token({ sub: 'ed-mptfo', roles: ['agency-editor'], org: 'UNMPTFO' });
    iloEditor = await app.token({ sub: 'ed-ilo', roles: ['agency-editor'], org: 'ILO' });
    for (const input of [
      { code: 'UNMPTFO', name: 'Multi-Partner Trust Fund Office', type: '40' },
      { code: 'ILO', name: 'International Labour Organization', type: '40' },
    ]) {
      const registered = await app.gql(
        `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
        { input },
        admin,
      );
      expect(registered.errors).toBeUndefined();
    }
  });
  afterAll(() => app.close());

  const establish = (input: Record<string, unknown>, token = admin) =>
    app.gql<{ establishFund: { id: string; version: number } }>(ESTABLISH, { input }, token);
  /** Read anonymously: funds are public. */
  const readBack = (id: string, atVersion: number) =>
    eventually(async () => {
      const { data } = await app.gql<{ fund: Fund | null }>(ONE, { id });
      expect(data?.fund?.version).toBe(atVersion);
      return data!.fund!;
    });
  const counts = async () =>
    (
      await app.database.dataSource.query(
        `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM funding_funds) AS rows`,
      )
    )[0];
  const expectRefused = (result: GqlResult<unknown>, code: string, message: RegExp, fields?: unknown) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toMatch(message);
    expect(result.errors![0].extensions).toMatchObject({ code, ...(fields ? { fields } : {}) });
  };

  it("lets the MPTF Office's editor establish the Joint SDG Fund, read back by anyone with its manager", async () => {
    const { data, errors } = await establish(jointSdgFund, mptfoEditor);
    expect(errors).toBeUndefined();
    sdgFundId = data!.establishFund.id;
    expect(await readBack(sdgFundId, 1)).toEqual({
      id: sdgFundId,
      ...jointSdgFund,
      managingOrganisationCode: 'UNMPTFO',
      target: null,
      start: null,
      end: null,
      status: 'ACTIVE',
      closedOn: null,
      version: 1,
      managingOrganisation: { code: 'UNMPTFO', name: 'Multi-Partner Trust Fund Office' },
    });
  });

  it("lets the ILO's editor establish Flagship phase 2 with its 160M USD target, found by code", async () => {
    const { data, errors } = await establish(flagship, iloEditor);
    expect(errors).toBeUndefined();
    flagshipId = data!.establishFund.id;
    await readBack(flagshipId, 1);
    const { data: byCode } = await app.gql<{ fundByCode: Fund }>(BY_CODE, { code: 'ILO_SPF_FLAGSHIP_2' });
    expect(byCode!.fundByCode).toEqual({
      id: flagshipId,
      ...flagship,
      managingOrganisationCode: 'ILO',
      contributors: [],
      windows: [],
      target: { amount: '160000000.00', currency: 'USD' },
      status: 'ACTIVE',
      closedOn: null,
      version: 1,
      managingOrganisation: { code: 'ILO', name: 'International Labour Organization' },
    });
    expect((await app.gql(BY_CODE, { code: 'NO_SUCH_FUND' })).data).toEqual({ fundByCode: null });
  });

  it('refuses a taken code, a bad window and a reversed period with field errors, and stores nothing', async () => {
    const before = await counts();
    expectRefused(
      await establish({ ...jointSdgFund, name: 'Another' }),
      'CONFLICT',
      /^fund\.code "JOINT_SDG_FUND" is already used by another stream$/,
    );
    expectRefused(
      await establish({ ...jointSdgFund, code: 'SDG_FUND_2', windows: [{ code: 'sp lnob', title: 'SP' }] }),
      'BAD_USER_INPUT',
      /^windows\[0\]\.code: must be 2–30 capital letters/,
      [{ path: 'windows[0].code', value: 'sp lnob' }],
    );
    expectRefused(
      await establish({ ...flagship, code: 'ILO_SPF_FLAGSHIP_3', start: '2026-01-01', end: '2025-12-31' }),
      'BAD_USER_INPUT',
      /^end: must not be before start \(2026-01-01\)$/,
      [{ path: 'end', value: '2025-12-31', message: 'must not be before start (2026-01-01)' }],
    );
    expectRefused(
      await establish({ ...flagship, code: 'ILO_SPF_FLAGSHIP_3', target: { amount: '0', currency: 'USD' } }),
      'BAD_USER_INPUT',
      /^target\.amount: must be greater than zero$/,
      [{ path: 'target.amount', value: '0' }],
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses an agency editor another organisation's funds (FORBIDDEN, naming who may), storing nothing", async () => {
    const before = await counts();
    expectRefused(
      await app.gql(REVISE, { input: { id: sdgFundId, name: 'Hijacked' } }, iloEditor),
      'FORBIDDEN',
      /^Only a platform admin or an agency editor of UNMPTFO can change funds managed by UNMPTFO$/,
    );
    expectRefused(
      await app.gql(CLOSE, { input: { id: sdgFundId } }, iloEditor),
      'FORBIDDEN',
      /agency editor of UNMPTFO/,
    );
    expectRefused(
      await establish({ ...jointSdgFund, code: 'SDG_FUND_2' }, iloEditor),
      'FORBIDDEN',
      /agency editor of UNMPTFO/,
    );
    const viewer = await app.token({ roles: ['viewer'], org: 'ILO' });
    expectRefused(await app.gql(CLOSE, { input: { id: flagshipId } }, viewer), 'FORBIDDEN', /agency editor of ILO/);
    expectRefused(await app.gql(CLOSE, { input: { id: flagshipId } }), 'UNAUTHENTICATED', /bearer token/);
    expect(await counts()).toEqual(before);
  });

  it('lists funds filtered by kind, manager and status, a page at a time', async () => {
    const codes = async (filter: Record<string, unknown>) =>
      (await app.gql<List>(LIST, { filter })).data!.funds.edges.map((e) => e.node.code);
    expect(await codes({ kind: 'POOLED_FUND' })).toEqual(['JOINT_SDG_FUND']);
    expect(await codes({ managingOrganisation: 'ILO' })).toEqual(['ILO_SPF_FLAGSHIP_2']);
    expect(await codes({ status: 'ACTIVE' })).toEqual(['ILO_SPF_FLAGSHIP_2', 'JOINT_SDG_FUND']);
    expect(await codes({ status: 'CLOSED' })).toEqual([]);

    const page1 = (await app.gql<List>(LIST, { first: 1 })).data!.funds;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(page1.edges.map((e) => e.node.code)).toEqual(['ILO_SPF_FLAGSHIP_2']);
    const page2 = (await app.gql<List>(LIST, { first: 1, after: page1.pageInfo.endCursor })).data!.funds;
    expect(page2.edges.map((e) => e.node.code)).toEqual(['JOINT_SDG_FUND']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('revises only what is given, clears with null, and records nothing when nothing changes', async () => {
    const windows = [...jointSdgFund.windows, { code: 'INTEGRATED_FIN', title: 'Integrated financing for the SDGs' }];
    const revised = await app.gql(
      REVISE,
      { input: { id: sdgFundId, windows, contributors: ['EU', 'SWE', 'DEU', 'EU'] } },
      mptfoEditor,
    );
    expect(revised.errors).toBeUndefined();
    expect(await readBack(sdgFundId, 2)).toMatchObject({
      name: 'Joint SDG Fund',
      contributors: ['EU', 'SWE', 'DEU'],
      windows,
    });

    const cleared = await app.gql(REVISE, { input: { id: flagshipId, target: null, end: null } }, iloEditor);
    expect(cleared.errors).toBeUndefined();
    expect(await readBack(flagshipId, 2)).toMatchObject({ target: null, start: '2021-01-01', end: null });

    const before = await counts();
    const same = await app.gql<{ reviseFund: { version: number; eventIds: string[] } }>(
      REVISE,
      { input: { id: sdgFundId, name: ' Joint SDG Fund ' } },
      mptfoEditor,
    );
    expect(same.data!.reviseFund).toEqual({ version: 2, eventIds: [] });
    expect(await counts()).toEqual(before);
  });

  it('closes a fund, then refuses to revise or close it again, naming its state', async () => {
    const closed = await app.gql(CLOSE, { input: { id: flagshipId, on: '2025-12-31' } }, iloEditor);
    expect(closed.errors).toBeUndefined();
    expect(await readBack(flagshipId, 3)).toMatchObject({ status: 'CLOSED', closedOn: '2025-12-31' });
    const before = await counts();
    expectRefused(
      await app.gql(REVISE, { input: { id: flagshipId, name: 'Phase 3' } }, iloEditor),
      'CONFLICT',
      /^Fund is CLOSED; cannot revise it$/,
    );
    expectRefused(
      await app.gql(CLOSE, { input: { id: flagshipId } }, admin),
      'CONFLICT',
      /^Fund is CLOSED; cannot close it again$/,
    );
    expectRefused(
      await app.gql(CLOSE, { input: { id: '00000000-0000-4000-8000-000000000000' } }, admin),
      'NOT_FOUND',
      /^No such fund$/,
    );
    expect(await counts()).toEqual(before);
    const { data } = await app.gql<List>(LIST, { filter: { status: 'CLOSED' } });
    expect(data!.funds.edges.map((e) => e.node.code)).toEqual(['ILO_SPF_FLAGSHIP_2']);
  });

  it('rebuilds the read model from the events into an identical table', async () => {
    const { dataSource, registry } = app.runtime;
    const live = await tableHash(dataSource, 'funding_funds');
    await rebuildProjection(dataSource, registry, fundProjection);
    expect(await tableHash(dataSource, 'funding_funds')).toBe(live);
  });
});
