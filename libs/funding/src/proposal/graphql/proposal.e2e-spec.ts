import { directoryContext } from '@concord/directory';
import { rebuildProjection, tableHash } from '@concord/eventing';
import { eventually, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';
import { fundingContext } from '../../funding.context';
import { competes, type CompetitionSubject } from '../application/competing-proposals';
import { proposalProjection } from '../read-model/proposal.projection';

const DRAFT = `mutation ($input: DraftProposalInput!) { draftProposal(input: $input) { id version } }`;
const REVISE = `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { version } }`;
const SUBMIT = `mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { version } }`;
const SHORTLIST = `mutation ($input: ShortlistProposalInput!) { shortlistProposal(input: $input) { version } }`;
const FUND = `mutation ($input: FundProposalInput!) { fundProposal(input: $input) { version eventIds } }`;
const REJECT = `mutation ($input: RejectProposalInput!) { rejectProposal(input: $input) { version } }`;
const WITHDRAW = `mutation ($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { version } }`;
const ONE = `query ($id: ID!) { proposal(id: $id) {
  id title applicants { organisation role } leadOrganisation joint callId fundCode donor countries policyAreas
  guarantees requested { amount currency } coFunding { amount currency } funded { amount currency }
  jointProgrammeId start end status statusReason submittedOn shortlistedOn decidedOn withdrawnOn version } }`;
const LIST = `query ($filter: ProposalFilterInput, $first: Int, $after: String) {
  proposals(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { id title } } pageInfo { hasNextPage endCursor } } }`;
const COMPETING = `query ($filter: CompetingProposalsFilterInput, $first: Int) {
  competingProposals(filter: $filter, first: $first) {
    a { id } b { id } countries policyAreas guarantees overlap { start end } reasons } }`;
const CALL_APPLICATIONS = `query ($callId: ID!) { callApplications(callId: $callId) {
  callId applications funded rejected countriesFunded fundedAmount { amount currency }
  coFunding { amount currency } total { amount currency } } }`;

type Proposal = Record<string, unknown> & { version: number; status: string };
type Pair = { a: { id: string }; b: { id: string }; reasons: string[] } & Record<string, unknown>;
type List = {
  proposals: {
    totalCount: number;
    edges: { node: { id: string; title: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

const TODAY = new Date().toISOString().slice(0, 10);
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const jointToGermany = {
  title: 'Health insurance for informal workers in Cambodia',
  applicants: [
    { organisation: 'UNICEF', role: 'LEAD' },
    { organisation: 'WFP', role: 'CO_APPLICANT' },
  ],
  donor: 'GERMANY',
  countries: ['KHM'],
  policyAreas: ['HEALTH_INTEGRATION'],
  guarantees: ['HEALTH_CARE'],
  requested: { amount: '500000', currency: 'USD' },
  coFunding: { amount: '50000', currency: 'USD' },
  start: '2024-01-01',
  end: '2024-12-31',
};
/** One organisation alone, to GERMANY for KHM on FINANCING in 2025. */
const alone = (organisation: string, overrides: Record<string, unknown> = {}) => ({
  title: `${organisation} social protection financing`,
  applicants: [{ organisation, role: 'LEAD' }],
  donor: 'GERMANY',
  countries: ['KHM'],
  policyAreas: ['FINANCING'],
  requested: { amount: '200000', currency: 'USD' },
  start: '2025-01-01',
  end: '2025-12-31',
  ...overrides,
});

describe('Proposals over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let unicefEditor: string;
  let germanyEditor: string;
  let jointId: string;

  beforeAll(async () => {
    app = await startTestApp([directoryContext, fundingContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    unicefEditor = await app.token({ sub: 'ed-unicef', roles: ['agency-editor'], org: 'UNICEF', countries: ['KHM'] });
    germanyEditor = await app.token({ sub: 'ed-germany', roles: ['agency-editor'], org: 'GERMANY' });
  });
  afterAll(() => app.close());

  const draft = async (input: Record<string, unknown>, token = admin) => {
    const result = await app.gql<{ draftProposal: { id: string } }>(DRAFT, { input }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.draftProposal.id;
  };
  const ok = async (mutation: string, input: Record<string, unknown>, token = admin) => {
    const result = await app.gql(mutation, { input }, token);
    expect(result.errors).toBeUndefined();
  };
  const readBack = (id: string, atVersion: number, token: string | undefined = admin) =>
    eventually(async () => {
      const { data } = await app.gql<{ proposal: Proposal | null }>(ONE, { id }, token);
      expect(data?.proposal?.version).toBe(atVersion);
      return data!.proposal!;
    });
  const events = async (): Promise<number> =>
    (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM events`))[0].n;
  const expectRefused = (result: GqlResult<unknown>, code: string, reason: string, message: RegExp) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toMatch(message);
    expect(result.errors![0].extensions).toMatchObject({ code, reason });
    return result.errors![0].extensions as { fields?: { path: string; value: unknown; message: string }[] };
  };
  const competing = async (filter: Record<string, unknown>) =>
    (await app.gql<{ competingProposals: Pair[] }>(COMPETING, { filter, first: 100 })).data!.competingProposals;
  const pairIds = (pairs: Pair[]) => pairs.map((p) => [p.a.id, p.b.id].sort().join(' ')).sort();

  it("lets UNICEF's agency editor in Cambodia draft a joint proposal to GERMANY, hidden from anonymous callers", async () => {
    jointId = await draft(jointToGermany, unicefEditor);
    expect(await readBack(jointId, 1, unicefEditor)).toEqual({
      id: jointId,
      title: 'Health insurance for informal workers in Cambodia',
      applicants: [
        { organisation: 'UNICEF', role: 'LEAD' },
        { organisation: 'WFP', role: 'CO_APPLICANT' },
      ],
      leadOrganisation: 'UNICEF',
      joint: true,
      callId: null,
      fundCode: null,
      donor: 'GERMANY',
      countries: ['KHM'],
      policyAreas: ['HEALTH_INTEGRATION'],
      guarantees: ['HEALTH_CARE'],
      requested: { amount: '500000.00', currency: 'USD' },
      coFunding: { amount: '50000.00', currency: 'USD' },
      funded: null,
      jointProgrammeId: null,
      start: '2024-01-01',
      end: '2024-12-31',
      status: 'DRAFT',
      statusReason: null,
      submittedOn: null,
      shortlistedOn: null,
      decidedOn: null,
      withdrawnOn: null,
      version: 1,
    });
    expect((await app.gql<{ proposal: null }>(ONE, { id: jointId })).data!.proposal).toBeNull();
    const anonymous = await app.gql<List>(LIST, { filter: { donor: 'GERMANY' } });
    expect(anonymous.data!.proposals.totalCount).toBe(0);
  });

  it("submits it, and GERMANY's editor shortlists and funds it; then anyone can read it", async () => {
    await ok(SUBMIT, { id: jointId }, unicefEditor);
    await ok(SHORTLIST, { id: jointId }, germanyEditor);
    await ok(FUND, { id: jointId, amount: { amount: '450000', currency: 'USD' } }, germanyEditor);
    expect(await readBack(jointId, 4, undefined)).toMatchObject({
      status: 'FUNDED',
      funded: { amount: '450000.00', currency: 'USD' },
      submittedOn: TODAY,
      shortlistedOn: TODAY,
      decidedOn: TODAY,
    });
    const listed = await app.gql<List>(LIST, { filter: { country: 'KHM', organisation: 'WFP', status: 'FUNDED' } });
    expect(listed.data!.proposals.edges.map((e) => e.node.id)).toEqual([jointId]);
  });

  it('refuses to fund it twice with CONFLICT PROPOSAL_ALREADY_FUNDED, saying when and how much, and stores nothing', async () => {
    const before = await events();
    const again = await app.gql(FUND, { input: { id: jointId, amount: { amount: '1000', currency: 'USD' } } }, admin);
    expectRefused(
      again,
      'CONFLICT',
      'PROPOSAL_ALREADY_FUNDED',
      new RegExp(
        `^The proposal was already funded on ${TODAY} for 450000\\.00 USD; a proposal cannot be funded twice$`,
      ),
    );
    expect(await events()).toBe(before);
    expect(await readBack(jointId, 4)).toMatchObject({ funded: { amount: '450000.00', currency: 'USD' } });
  });

  it('refuses an invalid draft with BAD_USER_INPUT naming every failing field, and stores nothing', async () => {
    const before = await events();
    const result = await app.gql(
      DRAFT,
      {
        input: {
          ...jointToGermany,
          title: ' ',
          applicants: [
            { organisation: 'UNICEF', role: 'LEAD' },
            { organisation: 'WFP', role: 'LEAD' },
          ],
          callId: 'call-1',
          countries: ['KHM', 'XXX'],
          requested: { amount: '0', currency: 'USD' },
          start: '2025-01-01',
          end: '2024-12-31',
        },
      },
      unicefEditor,
    );
    const { fields } = expectRefused(result, 'BAD_USER_INPUT', 'INVALID_INPUT', /^title: must not be empty; /);
    expect(fields!.map((f) => f.path)).toEqual([
      'title',
      'applicants[1].role',
      'callId',
      'donor',
      'start',
      'end',
      'countries[1]',
      'requested.amount',
    ]);
    expect(fields![6]).toEqual({
      path: 'countries[1]',
      value: 'XXX',
      message: 'is not an ISO 3166-1 alpha-3 country code, e.g. KHM',
    });
    expect(await events()).toBe(before);
  });

  it("refuses another agency's editor, and the applicants a decision, saying who may", async () => {
    const id = await draft({ ...jointToGermany, title: 'Cash plus in Cambodia' });
    await readBack(id, 1);
    const before = await events();
    const wfpEditor = await app.token({ roles: ['agency-editor'], org: 'WFP', countries: ['KHM'] });
    expectRefused(
      await app.gql(REVISE, { input: { id, title: 'Taken over' } }, wfpEditor),
      'FORBIDDEN',
      'NOT_ALLOWED',
      /^Only a platform admin, an RCO coordinator of KHM or an agency editor of UNICEF in KHM can revise this proposal$/,
    );
    expectRefused(
      await app.gql(DRAFT, { input: alone('ILO') }, unicefEditor),
      'FORBIDDEN',
      'NOT_ALLOWED',
      /agency editor of ILO in KHM can draft this proposal$/,
    );
    await ok(SUBMIT, { id }, unicefEditor);
    expectRefused(
      await app.gql(FUND, { input: { id, amount: { amount: '1', currency: 'USD' } } }, unicefEditor),
      'FORBIDDEN',
      'NOT_ALLOWED',
      /^Only a platform admin or an agency editor of the donor GERMANY can fund this proposal$/,
    );
    expect(await events()).toBe(before + 1);
    await ok(WITHDRAW, { id, reason: 'Merged into the joint proposal' }, unicefEditor);
    expect(await readBack(id, 3)).toMatchObject({
      status: 'WITHDRAWN',
      statusReason: 'Merged into the joint proposal',
      withdrawnOn: TODAY,
    });
  });

  it('lists ILO and UNICEF asking GERMANY alone for the same thing as competing, with reasons, but not a third sharing a JP or an organisation', async () => {
    const ilo = await draft(alone('ILO'));
    const unicef = await draft(
      alone('UNICEF', {
        start: '2025-06-01',
        end: '2026-05-31',
        guarantees: ['CHILDREN'],
        jointProgrammeId: 'JP-KHM-SP',
      }),
    );
    // ILO again (same organisation as the first) in the programme UNICEF's proposal belongs to.
    const third = await draft(alone('ILO', { title: 'ILO in the joint programme', jointProgrammeId: 'JP-KHM-SP' }));
    // A draft competes with nobody.
    const drafted = await draft(alone('WFP'));
    for (const id of [ilo, unicef, third]) await ok(SUBMIT, { id });
    for (const id of [ilo, unicef, third]) await readBack(id, 2);
    await readBack(drafted, 1);

    const pairs = await competing({ donor: 'GERMANY', country: 'KHM' });
    expect(pairIds(pairs)).toEqual(pairIds([{ a: { id: ilo }, b: { id: unicef }, reasons: [] }]));
    const [pair] = pairs;
    const [first, second] = pair.a.id === ilo ? ['ILO', 'UNICEF'] : ['UNICEF', 'ILO'];
    expect(pair).toMatchObject({
      countries: ['KHM'],
      policyAreas: ['FINANCING'],
      guarantees: [],
      overlap: { start: '2025-06-01', end: '2025-12-31' },
      reasons: [
        'Both ask GERMANY for funding',
        `No applicant in common: ${first} / ${second}`,
        'Both in KHM',
        'Both on FINANCING',
        'Overlap 2025-06-01 – 2025-12-31',
        'No joint programme in common',
      ],
    });
    expect(await competing({ donor: 'SWEDEN' })).toEqual([]);
    expect(await competing({ country: 'LAO' })).toEqual([]);
  });

  describe('answering a call', () => {
    let callId: string;
    let mptfoEditor: string;
    const toCall = (overrides: Record<string, unknown> = {}) => ({
      title: 'Universal child benefit in Cambodia',
      applicants: [
        { organisation: 'UNICEF', role: 'LEAD' },
        { organisation: 'ILO', role: 'CO_APPLICANT' },
      ],
      callId,
      countries: ['KHM'],
      guarantees: ['CHILDREN'],
      requested: { amount: '300000', currency: 'USD' },
      coFunding: { amount: '20000', currency: 'USD' },
      start: '2026-01-01',
      end: '2026-12-31',
      ...overrides,
    });
    const callRow = async () =>
      (await app.database.dataSource.query(`SELECT version FROM funding_calls WHERE id = $1`, [callId]))[0];

    beforeAll(async () => {
      mptfoEditor = await app.token({ roles: ['agency-editor'], org: 'MPTFO' });
      const fund = await app.gql<{ establishFund: { id: string } }>(
        `mutation ($input: EstablishFundInput!) { establishFund(input: $input) { id } }`,
        {
          input: { code: 'JOINT_SDG_FUND', name: 'Joint SDG Fund', kind: 'POOLED_FUND', managingOrganisation: 'MPTFO' },
        },
        admin,
      );
      expect(fund.errors).toBeUndefined();
      const fundId = fund.data!.establishFund.id;
      await eventually(async () =>
        expect(await app.database.dataSource.query(`SELECT 1 FROM funding_funds WHERE id = $1`, [fundId])).toHaveLength(
          1,
        ),
      );
      const announced = await app.gql<{ announceCall: { id: string } }>(
        `mutation ($input: AnnounceCallInput!) { announceCall(input: $input) { id } }`,
        {
          input: {
            fundId,
            title: 'Social protection 2026',
            theme: 'Leaving no one behind',
            opensOn: '2020-01-01',
            closesOn: '2099-12-31',
            eligibility: { countries: ['KHM', 'LAO'], jointOnly: true },
          },
        },
        admin,
      );
      expect(announced.errors).toBeUndefined();
      callId = announced.data!.announceCall.id;
      await eventually(async () => expect(await callRow()).toBeDefined());
    });

    it('refuses an unknown call (NOT_FOUND), a single applicant to a joint-only call and a country it is not open to', async () => {
      const before = await events();
      const unknown = await app.gql(DRAFT, { input: toCall({ callId: 'no-such-call' }) }, unicefEditor);
      const notFound = expectRefused(unknown, 'NOT_FOUND', 'CALL_NOT_FOUND', /^No call no-such-call$/);
      expect(notFound.fields).toEqual([{ path: 'callId', value: 'no-such-call', message: 'no such call' }]);
      const single = await app.gql(
        DRAFT,
        { input: toCall({ applicants: [{ organisation: 'UNICEF', role: 'LEAD' }] }) },
        unicefEditor,
      );
      expect(expectRefused(single, 'BAD_USER_INPUT', 'JOINT_PROPOSALS_ONLY', /^applicants: /).fields).toEqual([
        {
          path: 'applicants',
          value: ['UNICEF'],
          message: `call ${callId} takes joint proposals only: name at least two organisations`,
        },
      ]);
      const elsewhere = await app.gql(DRAFT, { input: toCall({ countries: ['KHM', 'VNM'] }) }, unicefEditor);
      expectRefused(
        elsewhere,
        'BAD_USER_INPUT',
        'COUNTRY_NOT_ELIGIBLE',
        new RegExp(`^countries\\[1\\]: is not eligible for call ${callId} \\(open to KHM, LAO\\)$`),
      );
      expect(await events()).toBe(before);
    });

    it("lets the fund manager's editor, not the donor's, decide on answers to the call; summarises the call", async () => {
      const funded = await draft(toCall(), unicefEditor);
      const rejected = await draft(
        toCall({
          applicants: [
            { organisation: 'WFP', role: 'LEAD' },
            { organisation: 'UNDP', role: 'CO_APPLICANT' },
          ],
          countries: ['LAO'],
          requested: { amount: '100000', currency: 'EUR' },
        }),
      );
      const withdrawn = await draft(toCall({ title: 'Withdrawn later' }));
      const rival = await draft(
        toCall({
          title: 'Child grants in Cambodia',
          applicants: [
            { organisation: 'WFP', role: 'LEAD' },
            { organisation: 'UNDP', role: 'CO_APPLICANT' },
          ],
          start: '2026-07-01',
          end: '2027-06-30',
          coFunding: null,
        }),
      );
      for (const id of [funded, rejected, withdrawn, rival]) await ok(SUBMIT, { id });
      expect(await readBack(funded, 2)).toMatchObject({ callId, fundCode: 'JOINT_SDG_FUND', donor: null });

      expectRefused(
        await app.gql(SHORTLIST, { input: { id: funded } }, germanyEditor),
        'FORBIDDEN',
        'NOT_ALLOWED',
        new RegExp(
          `^Only a platform admin or an agency editor of MPTFO, which manages the fund of call ${callId}, can`,
        ),
      );
      await ok(SHORTLIST, { id: funded }, mptfoEditor);
      await ok(FUND, { id: funded, amount: { amount: '300000', currency: 'USD' } }, mptfoEditor);
      await ok(REJECT, { id: rejected, reason: 'Outside the call theme' }, mptfoEditor);
      await ok(WITHDRAW, { id: withdrawn, reason: 'Merged' }, unicefEditor);
      await readBack(funded, 4);
      await readBack(rejected, 3);
      await readBack(withdrawn, 3);

      const pairs = await competing({ callId });
      expect(pairIds(pairs)).toEqual(pairIds([{ a: { id: funded }, b: { id: rival }, reasons: [] }]));
      expect(pairs[0].reasons[0]).toBe('Both ask the JOINT_SDG_FUND call "Social protection 2026"');
      expect(pairs[0]).toMatchObject({ guarantees: ['CHILDREN'], overlap: { start: '2026-07-01', end: '2026-12-31' } });

      const summary = await app.gql<{ callApplications: unknown }>(CALL_APPLICATIONS, { callId });
      expect(summary.data!.callApplications).toEqual({
        callId,
        applications: 4,
        funded: 1,
        rejected: 1,
        countriesFunded: ['KHM'],
        fundedAmount: [{ amount: '300000.00', currency: 'USD' }],
        coFunding: [{ amount: '20000.00', currency: 'USD' }],
        total: [{ amount: '320000.00', currency: 'USD' }],
      });
    });

    it('refuses a submission once the call has passed its deadline, naming the dates, and drafts to a cancelled call', async () => {
      const late = await draft(toCall({ title: 'Too late' }), unicefEditor);
      await readBack(late, 1);
      const version = (await callRow()).version;
      await ok(`mutation ($input: ReviseCallInput!) { reviseCall(input: $input) { version } }`, {
        id: callId,
        opensOn: '2020-01-01',
        closesOn: YESTERDAY,
      });
      await eventually(async () => expect((await callRow()).version).toBe(version + 1));
      const before = await events();
      expectRefused(
        await app.gql(SUBMIT, { input: { id: late } }, unicefEditor),
        'CONFLICT',
        'CALL_CLOSED_FOR_APPLICATIONS',
        new RegExp(
          `^Call ${callId} of fund JOINT_SDG_FUND takes applications from 2020-01-01 to ${YESTERDAY}; the submission is dated ${TODAY}$`,
        ),
      );
      await ok(`mutation ($input: CancelCallInput!) { cancelCall(input: $input) { version } }`, {
        id: callId,
        reason: 'Replaced by the 2027 call',
      });
      await eventually(async () => expect((await callRow()).version).toBe(version + 2));
      expect(await events()).toBe(before + 1); // the cancellation, nothing for the proposal
      expectRefused(
        await app.gql(DRAFT, { input: toCall() }, unicefEditor),
        'CONFLICT',
        'CALL_CANCELLED',
        new RegExp(`^Call ${callId} of fund JOINT_SDG_FUND was cancelled$`),
      );
      expect(await events()).toBe(before + 1);
    });
  });

  it('finds, in one SQL self-join, exactly the pairs the competes() rule finds', async () => {
    const rows: CompetitionSubject[] = await app.database.dataSource.query(
      `SELECT id, applicant_organisations AS organisations, call_id AS "callId", donor, countries,
              policy_areas AS "policyAreas", guarantees, to_char(start_date, 'YYYY-MM-DD') AS start,
              to_char(end_date, 'YYYY-MM-DD') AS "end", joint_programme_id AS "jointProgrammeId", status
         FROM funding_proposals`,
    );
    expect(rows).toHaveLength(11);
    const expected = rows.flatMap((a, i) =>
      rows.slice(i + 1).flatMap((b) => (competes(a, b) ? [{ a: { id: a.id }, b: { id: b.id }, reasons: [] }] : [])),
    );
    expect(expected).toHaveLength(2);
    expect(pairIds(await competing({}))).toEqual(pairIds(expected));
  });

  it('pages through proposals with a cursor', async () => {
    const page1 = (await app.gql<List>(LIST, { first: 5 }, admin)).data!.proposals;
    expect(page1.edges).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const rest = (await app.gql<List>(LIST, { first: 100, after: page1.pageInfo.endCursor }, admin)).data!.proposals;
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const all = [...page1.edges, ...rest.edges].map((e) => e.node.id);
    expect(new Set(all).size).toBe(page1.totalCount);
  });

  it('rebuilds the read model from the events into an identical table', async () => {
    const { dataSource, registry } = app.runtime;
    const live = await tableHash(dataSource, 'funding_proposals');
    await rebuildProjection(dataSource, registry, proposalProjection);
    expect(await tableHash(dataSource, 'funding_proposals')).toBe(live);
  });
});
