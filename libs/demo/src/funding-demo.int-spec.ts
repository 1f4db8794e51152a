import { CONTEXTS } from '@concord/composition';
import { eventually, startTestApp, type TestApp } from '@concord/test-support';
import { demoId } from './demo-ids';
import { loadDemo, type DemoSummary } from './demo-loader';
import { totals } from './demo-report';

const CALL = `query ($id: ID!) { call(id: $id) { title status fundCode window opensOn closesOn } }`;
const APPLICATIONS = `query ($callId: ID!) {
  callApplications(callId: $callId) {
    applications funded rejected countriesFunded
    fundedAmount { amount currency } coFunding { amount currency } total { amount currency } } }`;
const OVERVIEW = `query ($filter: FundingFilterInput) {
  fundingOverview(filter: $filter) { currency total { required committed gap } } }`;
const COMPETING = `{
  competingProposals {
    a { title leadOrganisation donor status } b { title leadOrganisation donor status }
    countries policyAreas guarantees overlap { start end } reasons } }`;
const CONTRIBUTION = `query ($id: ID!) {
  contribution(id: $id) { donor recipientKind transactions { type amount } } }`;

interface Applications {
  applications: number;
  funded: number;
  rejected: number;
  countriesFunded: string[];
  fundedAmount: { amount: string; currency: string }[];
  coFunding: { amount: string; currency: string }[];
  total: { amount: string; currency: string }[];
}

/**
 * The whole demo loaded into a real database with the workers projecting it, and the funding
 * part read back as a user reads it: over GraphQL. The figures are document 000's and 002's.
 */
describe('the funding demo over GraphQL (real Postgres, embedded mode)', () => {
  let app: TestApp;
  let token: string;
  let first: DemoSummary;
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const { data, errors } = await app.gql<T>(query, variables, token);
    expect(errors).toBeUndefined();
    return data!;
  };

  /** Events of the demo's streams: the duplication detector appends flag events of its own meanwhile. */
  const demoEvents = async (): Promise<number> => {
    const [{ n }] = await app.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE stream_type <> 'DuplicationFlag'`,
    );
    return n;
  };

  beforeAll(async () => {
    app = await startTestApp(CONTEXTS);
    token = await app.token({ sub: 'reader', roles: ['agency-editor'], org: 'ILO', countries: ['KHM'] });
    first = await loadDemo({ commands: app.runtime.commands, dataSource: app.runtime.dataSource });
  }, 120_000);
  afterAll(() => app?.close());

  it('loads the whole demo with nothing refused', async () => {
    expect(totals(first)).toMatchObject({ refused: 0 });
    expect(first.events).toBe(await demoEvents());
    expect(first.tables.slice(-5).map((t) => [t.name, t.created, t.skipped.length])).toEqual([
      ['Joint SDG Fund', 118, 0],
      ['Flagship phase 2 funding', 3, 0],
      ['competing proposals', 2, 0],
      ['duplication cases', 4, 0],
      ['joint programme report', 2, 0],
    ]);
  });

  it("gives the Joint SDG Fund's first call 114 applications, 35 funded in 39 countries for US$69M + US$32M", async () => {
    const callId = demoId('call', 'JOINT_SDG_FUND:1');
    const summary = await eventually(async () => {
      const { callApplications } = await gql<{ callApplications: Applications }>(APPLICATIONS, { callId });
      expect(callApplications.applications).toBe(114);
      expect(callApplications.funded + callApplications.rejected).toBe(114);
      return callApplications;
    }, 60_000);
    expect(summary).toEqual({
      applications: 114,
      funded: 35,
      rejected: 79,
      countriesFunded: expect.any(Array),
      fundedAmount: [{ amount: '69000000.00', currency: 'USD' }],
      coFunding: [{ amount: '32000000.00', currency: 'USD' }],
      total: [{ amount: '101000000.00', currency: 'USD' }],
    });
    expect(summary.countriesFunded).toHaveLength(39);
    expect(summary.countriesFunded).toEqual(expect.arrayContaining(['KHM', 'LCA', 'BRB', 'ARG', 'VNM']));
    const { call } = await gql<{ call: Record<string, string> }>(CALL, { id: callId });
    expect(call).toEqual({
      title: 'Social Protection and LNOB (1st call, March 2019)',
      status: 'CLOSED',
      fundCode: 'JOINT_SDG_FUND',
      window: 'SP_LNOB',
      opensOn: '2019-03-01',
      closesOn: '2019-04-30',
    });
  });

  it('computes the Flagship phase 2 gap of the ledger: 160M required, 85M committed, 75M to find', async () => {
    const overview = await eventually(async () => {
      const { fundingOverview } = await gql<{ fundingOverview: { total: Record<string, string> } }>(OVERVIEW, {
        filter: { fundCode: 'ILO_SPF_FLAGSHIP_2' },
      });
      expect(fundingOverview.total.committed).toBe('85000000.00');
      return fundingOverview;
    }, 60_000);
    expect(overview).toEqual({
      currency: 'USD',
      total: { required: '160000000.00', committed: '85000000.00', gap: '75000000.00' },
    });
  });

  it('lists the World Bank and the ILO pitching BMZ in Burkina Faso as competing proposals, and no other pair', async () => {
    const { competingProposals } = await eventually(async () => {
      const found = await gql<{ competingProposals: Record<string, unknown>[] }>(COMPETING);
      expect(found.competingProposals).toHaveLength(1);
      return found;
    }, 60_000);
    const [pair] = competingProposals;
    expect(pair).toMatchObject({
      countries: ['BFA'],
      policyAreas: ['LNOB_INCLUSION'],
      guarantees: ['WORKING_AGE'],
      overlap: { start: '2022-07-01', end: '2024-12-31' },
      reasons: expect.arrayContaining(['Both ask BMZ for funding', 'Both in BFA']),
    });
    expect([pair.a, pair.b]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ leadOrganisation: 'WORLD_BANK', donor: 'BMZ', status: 'SUBMITTED' }),
        expect.objectContaining({ leadOrganisation: 'ILO', donor: 'BMZ', status: 'SUBMITTED' }),
      ]),
    );
  });

  it("records the Fund's allocation to JP-KHM with an outgoing commitment above its disbursement", async () => {
    const id = demoId('contribution', 'JOINT_SDG_FUND:1:JP-KHM');
    const { contribution } = await eventually(async () => {
      const found = await gql<{ contribution: { transactions: { type: string; amount: string }[] } | null }>(
        CONTRIBUTION,
        { id },
      );
      expect(found.contribution?.transactions).toHaveLength(4);
      return found;
    }, 60_000);
    expect(contribution!.transactions.map((t) => t.type)).toEqual([
      'INCOMING_COMMITMENT',
      'INCOMING_FUNDS',
      'OUTGOING_COMMITMENT',
      'DISBURSEMENT',
    ]);
    const [, , outgoing, disbursed] = contribution!.transactions.map((t) => Number(t.amount));
    expect(disbursed).toBeLessThan(outgoing);
  });

  it('writes what is inferred into the provenance of the funding events', async () => {
    const [funded] = await app.runtime.dataSource.query(
      `SELECT metadata->'provenance' AS provenance FROM events WHERE type = 'ProposalFunded' AND stream_id = $1`,
      [demoId('proposal', 'JOINT_SDG_FUND:1:JP-KHM')],
    );
    expect(funded.provenance.source).toBe('seed000_joint_sdg_fund_calls.csv, row 1st call: JP-KHM');
    expect(funded.provenance.inferred).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^requested and awarded /),
        expect.stringMatching(/^submitted on 2019-/),
      ]),
    );
  });

  it('appends nothing when loaded a second time', async () => {
    const second = await loadDemo({ commands: app.runtime.commands, dataSource: app.runtime.dataSource });
    expect(totals(second)).toMatchObject({ created: 0, refused: 0, events: 0 });
    expect(await demoEvents()).toBe(first.events);
  });
});
