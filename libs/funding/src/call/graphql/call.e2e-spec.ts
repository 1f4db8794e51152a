import { directoryContext } from '@concord/directory';
import { rebuildProjection, tableHash } from '@concord/eventing';
import { eventually, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';
import { fundingContext } from '../../funding.context';
import { callProjection } from '../read-model/call.projection';

const ANNOUNCE = `mutation ($input: AnnounceCallInput!) { announceCall(input: $input) { id version } }`;
const REVISE = `mutation ($input: ReviseCallInput!) { reviseCall(input: $input) { version } }`;
const CLOSE = `mutation ($input: CloseCallInput!) { closeCall(input: $input) { version } }`;
const CANCEL = `mutation ($input: CancelCallInput!) { cancelCall(input: $input) { version } }`;
const ONE = `query ($id: ID!) { call(id: $id) {
  id fundId fundCode title window theme envelope { amount currency } opensOn closesOn
  eligibility { countries organisationTypes jointOnly notes } status closedOn cancelReason version
  inMarch: openForApplications(on: "2019-03-20") afterward: openForApplications(on: "2019-05-01")
  today: openForApplications
  fund { code name managingOrganisation { code } } } }`;
const LIST = `query ($filter: CallFilterInput, $first: Int, $after: String) {
  calls(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } }`;

type Call = Record<string, unknown> & { version: number };
type List = {
  calls: {
    totalCount: number;
    edges: { node: { title: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

const FIRST_CALL = 'Social Protection and LNOB (1st call, March 2019)';

describe('Calls over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let mptfoEditor: string;
  let iloEditor: string;
  let sdgFundId: string;
  let flagshipId: string;
  let callId: string;
  let firstCall: Record<string, unknown>;

  const establish = async (input: Record<string, unknown>, token: string): Promise<string> => {
    const { data, errors } = await app.gql<{ establishFund: { id: string } }>(
      `mutation ($input: EstablishFundInput!) { establishFund(input: $input) { id } }`,
      { input },
      token,
    );
    expect(errors).toBeUndefined();
    const id = data!.establishFund.id;
    // Announcements read the fund from its read model: wait until it is there.
    await eventually(async () =>
      expect((await app.gql(`query ($id: ID!) { fund(id: $id) { id } }`, { id })).data).toEqual({ fund: { id } }),
    );
    return id;
  };

  beforeAll(async () => {
    app = await startTestApp([directoryContext, fundingContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    mptfoEditor = await app.token({ sub: 'ed-mptfo', roles: ['agency-editor'], org: 'UNMPTFO' });
    iloEditor = await app.token({ sub: 'ed-ilo', roles: ['agency-editor'], org: 'ILO' });
    const registered = await app.gql(
      `mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
      { input: { code: 'UNMPTFO', name: 'Multi-Partner Trust Fund Office', type: '40' } },
      admin,
    );
    expect(registered.errors).toBeUndefined();
    sdgFundId = await establish(
      {
        code: 'JOINT_SDG_FUND',
        name: 'Joint SDG Fund',
        kind: 'POOLED_FUND',
        managingOrganisation: 'UNMPTFO',
        windows: [{ code: 'SP_LNOB', title: 'Social protection and leaving no one behind' }],
      },
      mptfoEditor,
    );
    flagshipId = await establish(
      {
        code: 'ILO_SPF_FLAGSHIP_2',
        name: 'ILO Global Flagship Programme on Social Protection Floors, phase 2',
        kind: 'GLOBAL_PROGRAMME',
        managingOrganisation: 'ILO',
        target: { amount: '160000000', currency: 'USD' },
        start: '2021-01-01',
        end: '2025-12-31',
      },
      iloEditor,
    );
    firstCall = {
      fundId: sdgFundId,
      title: FIRST_CALL,
      window: 'SP_LNOB',
      theme: 'Social protection and leaving no one behind',
      envelope: { amount: '70000000', currency: 'USD' },
      opensOn: '2019-03-15',
      closesOn: '2019-04-30',
      eligibility: { organisationTypes: ['40'], jointOnly: true, notes: 'UN country teams, through the RC' },
    };
  });
  afterAll(() => app.close());

  const announce = (input: Record<string, unknown>, token = mptfoEditor) =>
    app.gql<{ announceCall: { id: string; version: number } }>(ANNOUNCE, { input }, token);
  /** Read anonymously: calls are public. */
  const readBack = (id: string, atVersion: number) =>
    eventually(async () => {
      const { data, errors } = await app.gql<{ call: Call | null }>(ONE, { id });
      expect(errors).toBeUndefined();
      expect(data?.call?.version).toBe(atVersion);
      return data!.call!;
    });
  const titles = async (filter: Record<string, unknown>) =>
    (await app.gql<List>(LIST, { filter })).data!.calls.edges.map((e) => e.node.title);
  const counts = async () =>
    (
      await app.database.dataSource.query(
        `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM funding_calls) AS rows`,
      )
    )[0];
  const expectRefused = (result: GqlResult<unknown>, code: string, message: RegExp, fields?: unknown) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toMatch(message);
    expect(result.errors![0].extensions).toMatchObject({ code, ...(fields ? { fields } : {}) });
  };

  it("lets the MPTF Office's editor announce the first SP & LNOB call under the Joint SDG Fund's window", async () => {
    const { data, errors } = await announce(firstCall);
    expect(errors).toBeUndefined();
    callId = data!.announceCall.id;
    expect(await readBack(callId, 1)).toEqual({
      id: callId,
      ...firstCall,
      fundCode: 'JOINT_SDG_FUND',
      envelope: { amount: '70000000.00', currency: 'USD' },
      eligibility: {
        countries: [],
        organisationTypes: ['40'],
        jointOnly: true,
        notes: 'UN country teams, through the RC',
      },
      status: 'ANNOUNCED',
      closedOn: null,
      cancelReason: null,
      version: 1,
      inMarch: true,
      afterward: false,
      today: false,
      fund: { code: 'JOINT_SDG_FUND', name: 'Joint SDG Fund', managingOrganisation: { code: 'UNMPTFO' } },
    });
  });

  it('refuses a window the fund does not have with a field error on window, and stores nothing', async () => {
    const before = await counts();
    expectRefused(
      await announce({ ...firstCall, window: 'HEALTH' }),
      'BAD_USER_INPUT',
      /^window: is not a window of fund JOINT_SDG_FUND \(its windows: SP_LNOB\)$/,
      [{ path: 'window', value: 'HEALTH', message: 'is not a window of fund JOINT_SDG_FUND (its windows: SP_LNOB)' }],
    );
    expectRefused(
      await announce({ ...firstCall, opensOn: '2019-05-01' }),
      'BAD_USER_INPUT',
      /^closesOn: must not be before opensOn \(2019-05-01\)$/,
      [{ path: 'closesOn', value: '2019-04-30' }],
    );
    expectRefused(
      await announce({ ...firstCall, eligibility: { countries: ['MWI', 'ZZZ'] } }),
      'BAD_USER_INPUT',
      /^eligibility\.countries\[1\]: is not an ISO 3166-1 alpha-3 country code$/,
      [{ path: 'eligibility.countries[1]', value: 'ZZZ' }],
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown fund (NOT_FOUND naming fundId) and a closed one (CONFLICT)', async () => {
    const before = await counts();
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectRefused(await announce({ ...firstCall, fundId: unknown }), 'NOT_FOUND', /^No fund 0{8}-/, [
      { path: 'fundId', value: unknown, message: 'no such fund' },
    ]);
    expect(
      (await app.gql(`mutation { closeFund(input: { id: "${flagshipId}" }) { version } }`, {}, iloEditor)).errors,
    ).toBeUndefined();
    // The handler reads the fund's read model: wait until it shows the closing.
    await eventually(async () =>
      expect(
        await app.database.dataSource.query(`SELECT status FROM funding_funds WHERE id = $1`, [flagshipId]),
      ).toEqual([{ status: 'CLOSED' }]),
    );
    const closedFlagship = { ...firstCall, fundId: flagshipId, window: null, title: 'Country window 2026' };
    expectRefused(
      await announce(closedFlagship, iloEditor),
      'CONFLICT',
      /^Fund ILO_SPF_FLAGSHIP_2 is CLOSED; cannot announce a call under it$/,
      [{ path: 'fundId', value: flagshipId, message: 'fund ILO_SPF_FLAGSHIP_2 is CLOSED' }],
    );
    expect(await counts()).toEqual({ ...before, events: before.events + 1 }); // the closing only
  });

  it("refuses an agency editor the calls of another organisation's fund (FORBIDDEN), storing nothing", async () => {
    const before = await counts();
    const onlyMptfo =
      /^Only a platform admin or an agency editor of UNMPTFO can change calls of funds managed by UNMPTFO$/;
    expectRefused(await announce({ ...firstCall, title: 'Second call' }, iloEditor), 'FORBIDDEN', onlyMptfo);
    expectRefused(
      await app.gql(REVISE, { input: { id: callId, title: 'Hijacked' } }, iloEditor),
      'FORBIDDEN',
      onlyMptfo,
    );
    expectRefused(await app.gql(CANCEL, { input: { id: callId, reason: 'No' } }, iloEditor), 'FORBIDDEN', onlyMptfo);
    expect(await counts()).toEqual(before);
  });

  it('revises the closing date and eligibility, and lists calls by fund and by the day they are open', async () => {
    const revised = await app.gql(
      REVISE,
      { input: { id: callId, closesOn: '2019-05-15', eligibility: { organisationTypes: ['40'], jointOnly: true } } },
      mptfoEditor,
    );
    expect(revised.errors).toBeUndefined();
    expect(await readBack(callId, 2)).toMatchObject({
      closesOn: '2019-05-15',
      afterward: true,
      eligibility: { countries: [], organisationTypes: ['40'], jointOnly: true, notes: null },
    });
    const second = await announce({
      ...firstCall,
      title: 'Social Protection and LNOB (2nd call, 2020)',
      opensOn: '2020-02-01',
      closesOn: '2020-03-31',
    });
    expect(second.errors).toBeUndefined();
    await eventually(async () => expect(await titles({ fundCode: 'JOINT_SDG_FUND' })).toHaveLength(2));
    expect(await titles({ openOn: '2019-05-01' })).toEqual([FIRST_CALL]);
    expect(await titles({ openOn: '2020-03-31' })).toEqual(['Social Protection and LNOB (2nd call, 2020)']);
    expect(await titles({ openOn: '2021-01-01' })).toEqual([]);
    expect(await titles({ fundCode: 'ILO_SPF_FLAGSHIP_2' })).toEqual([]);
    expectRefused(await app.gql(LIST, { filter: { openOn: '2019-02-30' } }), 'BAD_USER_INPUT', /^filter\.openOn:/, [
      { path: 'filter.openOn', value: '2019-02-30' },
    ]);

    const page1 = (await app.gql<List>(LIST, { first: 1 })).data!.calls;
    expect(page1).toMatchObject({
      totalCount: 2,
      edges: [{ node: { title: FIRST_CALL } }],
      pageInfo: { hasNextPage: true },
    });
    const page2 = (await app.gql<List>(LIST, { first: 1, after: page1.pageInfo.endCursor })).data!.calls;
    expect(page2.edges.map((e) => e.node.title)).toEqual(['Social Protection and LNOB (2nd call, 2020)']);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const cancelled = await app.gql(
      CANCEL,
      { input: { id: second.data!.announceCall.id, reason: 'Merged into the first call' } },
      admin,
    );
    expect(cancelled.errors).toBeUndefined();
    await eventually(async () => expect(await titles({ status: 'CANCELLED' })).toHaveLength(1));
    expect(await titles({ openOn: '2020-03-01' })).toEqual([]);
  });

  it('closes a call, which is then no longer open and cannot be revised', async () => {
    const closed = await app.gql(CLOSE, { input: { id: callId, on: '2019-05-15' } }, mptfoEditor);
    expect(closed.errors).toBeUndefined();
    expect(await readBack(callId, 3)).toMatchObject({
      status: 'CLOSED',
      closedOn: '2019-05-15',
      inMarch: false,
      afterward: false,
    });
    const before = await counts();
    expectRefused(
      await app.gql(REVISE, { input: { id: callId, closesOn: '2019-06-30' } }, mptfoEditor),
      'CONFLICT',
      /^Call is CLOSED; cannot revise it$/,
    );
    expect(await counts()).toEqual(before);
  });

  it('rebuilds the read model from the events into an identical table', async () => {
    const { dataSource, registry } = app.runtime;
    const live = await tableHash(dataSource, 'funding_calls');
    await rebuildProjection(dataSource, registry, callProjection);
    expect(await tableHash(dataSource, 'funding_calls')).toBe(live);
  });
});
