import { directoryContext } from '@concord/directory';
import { rebuildProjection, tableHash } from '@concord/eventing';
import { programmingContext } from '@concord/programming';
import { eventually, startTestApp, type GqlResult, type TestApp } from '@concord/test-support';
import { importRates, readRatesFile } from '../../exchange-rate/application/exchange-rate-import';
import { fundingContext } from '../../funding.context';
import { contributionProjection } from '../read-model/contribution.projection';

const RECORD = `mutation ($input: RecordContributionInput!) { recordContribution(input: $input) { id version } }`;
const TRANSACT = `mutation ($input: RecordTransactionInput!) { recordTransaction(input: $input) { version } }`;
const ONE = `query ($id: ID!) { contribution(id: $id) {
  donor organisation country currency joint overspentBy version
  transactions { number type amount valueDate reference amountUsd rate rateDate rateSource overDisbursement { reason over } } } }`;
const OVERVIEW = `query ($filter: FundingFilterInput, $groupBy: FundingDimension) {
  fundingOverview(filter: $filter, groupBy: $groupBy) { currency rounding
    total { required pledged committed received outgoingCommitted disbursed spent gap jointCommitted singleAgencyCommitted jointShare unconverted original { measure currency amount } }
    groups { key figures { committed spent unconverted } } } }`;

type Figures = Record<string, unknown>;
type Overview = { fundingOverview: { total: Figures; groups: { key: string; figures: Figures }[]; rounding: string } };
type Contribution = {
  contribution: Record<string, unknown> & { version: number; transactions: Record<string, unknown>[] };
};

const toUnicefCambodia = {
  title: 'Germany to UNICEF Cambodia: family package cash transfers',
  donor: 'GERMANY',
  recipientKind: 'ORGANISATION',
  recipientRef: 'UNICEF',
  currency: 'EUR',
  earmarking: 'PROJECT_SPECIFIC',
  country: 'KHM',
};

describe('Contributions and the funding overview over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let unicefEditor: string;
  let contributionId: string;

  const send = (query: string, input: Record<string, unknown>, token = admin) => app.gql(query, { input }, token);
  const transact = (input: Record<string, unknown>, token = admin) =>
    send(TRANSACT, { contributionId, ...input }, token);
  const eventCount = async () =>
    (await app.database.dataSource.query(`SELECT count(*)::int AS n FROM events`))[0].n as number;
  const overview = async (variables: Record<string, unknown>, token = admin) => {
    const result = await app.gql<Overview>(OVERVIEW, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!.fundingOverview;
  };
  const readBack = (atVersion: number) =>
    eventually(async () => {
      const { data } = await app.gql<Contribution>(ONE, { id: contributionId }, admin);
      expect(data?.contribution?.version).toBe(atVersion);
      return data!.contribution;
    });
  const rates = async (...lines: string[]) => {
    const { runtime } = app;
    const read = await readRatesFile(['currency,date,rate,source', ...lines]);
    return importRates({ runner: runtime.commands, store: runtime.store }, read, 'test-rates');
  };

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext, fundingContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    unicefEditor = await app.token({ sub: 'ed-unicef', roles: ['agency-editor'], org: 'UNICEF', countries: ['KHM'] });
    await rates(
      'EUR,2023-12-29,0.9,ECB reference rate',
      'EUR,2024-01-02,0.9,ECB reference rate',
      'EUR,2024-02-01,0.8,ECB reference rate',
    );
  });
  afterAll(() => app.close());

  it("lets UNICEF's editor record a contribution to UNICEF in Cambodia and its transaction chain", async () => {
    const recorded = await send(RECORD, toUnicefCambodia, unicefEditor);
    expect(recorded.errors).toBeUndefined();
    contributionId = (recorded.data as { recordContribution: { id: string } }).recordContribution.id;
    const chain = [
      { type: 'INCOMING_PLEDGE', amount: '1000000', valueDate: '2024-01-10' },
      { type: 'INCOMING_COMMITMENT', amount: '900000', valueDate: '2024-02-05' },
      { type: 'INCOMING_FUNDS', amount: '500000', valueDate: '2024-03-01' },
      { type: 'OUTGOING_COMMITMENT', amount: '400000', valueDate: '2024-03-10', reference: 'PCA-KHM-2024-07' },
      { type: 'DISBURSEMENT', amount: '300000', valueDate: '2024-03-15' },
    ];
    for (const input of chain) expect((await transact(input, unicefEditor)).errors).toBeUndefined();
    const contribution = await readBack(6);
    expect(contribution).toMatchObject({ donor: 'GERMANY', organisation: 'UNICEF', country: 'KHM', joint: false });
    expect(contribution.transactions.map((t) => [t.number, t.type, t.amount, t.amountUsd, t.rate, t.rateDate])).toEqual(
      [
        [1, 'INCOMING_PLEDGE', '1000000.00', '1111111.11', '0.9', '2024-01-02'],
        [2, 'INCOMING_COMMITMENT', '900000.00', '1125000.00', '0.8', '2024-02-01'],
        [3, 'INCOMING_FUNDS', '500000.00', '625000.00', '0.8', '2024-02-01'],
        [4, 'OUTGOING_COMMITMENT', '400000.00', '500000.00', '0.8', '2024-02-01'],
        [5, 'DISBURSEMENT', '300000.00', '375000.00', '0.8', '2024-02-01'],
      ],
    );
    expect(contribution.transactions[0].rateSource).toBe('ECB reference rate');
  });

  it('refuses a disbursement above the commitment without a reason, naming the commitment, and stores nothing', async () => {
    const before = await eventCount();
    const result = await transact({ type: 'DISBURSEMENT', amount: '200000', valueDate: '2024-04-01' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toBe(
      'Disbursing 200,000.00 EUR brings the disbursements to 500,000.00 EUR, 100,000.00 EUR above the outgoing ' +
        'commitment of 400,000.00 EUR (transaction #4 (PCA-KHM-2024-07) of 2024-03-10); record an outgoing ' +
        'commitment first, or mark it as an over-disbursement with a reason',
    );
    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'amount', value: '200000.00', message: 'exceeds the outgoing commitments by 100,000.00 EUR' }],
    });
    expect(await eventCount()).toBe(before);
  });

  it('records it as an over-disbursement with a reason, and warns when expenditure passes the funds received', async () => {
    const reason = 'Second tranche advanced at the donor’s request';
    expect(
      (
        await transact({
          type: 'DISBURSEMENT',
          amount: '200000',
          valueDate: '2024-04-01',
          overDisbursementReason: reason,
        })
      ).errors,
    ).toBeUndefined();
    expect((await transact({ type: 'EXPENDITURE', amount: '550000', valueDate: '2024-06-30' })).errors).toBeUndefined();
    const contribution = await readBack(9); // transaction 6, transaction 7 and its ContributionOverspent warning
    expect(contribution.transactions[5]).toMatchObject({ overDisbursement: { reason, over: '100000.00' } });
    expect(contribution.overspentBy).toBe('50000.00');
    // No EUR rate within 92 days before 30 June: the expenditure stays unconverted rather than use a stale rate.
    expect(contribution.transactions[6]).toMatchObject({ amountUsd: null, rate: null });
  });

  it('converts a transaction once a rate for its date arrives, and reports in USD with the original amounts', async () => {
    expect((await overview({ filter: { country: 'KHM' } })).total.unconverted).toBe(1);
    expect(await rates('EUR,2024-06-03,0.88,ECB reference rate')).toMatchObject({ recorded: 1 });
    const { total, rounding } = await eventually(async () => {
      const result = await overview({ filter: { country: 'KHM', year: 2024 } });
      expect(result.total.unconverted).toBe(0);
      return result;
    });
    expect(total).toEqual({
      required: '0.00',
      pledged: '1111111.11',
      committed: '1125000.00',
      received: '625000.00',
      outgoingCommitted: '500000.00',
      disbursed: '625000.00',
      spent: '625000.00',
      gap: '-1125000.00',
      jointCommitted: '0.00',
      singleAgencyCommitted: '1125000.00',
      jointShare: '0.0',
      unconverted: 0,
      original: [
        { measure: 'pledged', currency: 'EUR', amount: '1000000.00' },
        { measure: 'committed', currency: 'EUR', amount: '900000.00' },
        { measure: 'received', currency: 'EUR', amount: '500000.00' },
        { measure: 'outgoingCommitted', currency: 'EUR', amount: '400000.00' },
        { measure: 'disbursed', currency: 'EUR', amount: '500000.00' },
        { measure: 'spent', currency: 'EUR', amount: '550000.00' },
      ],
    });
    expect(rounding).toMatch(/rounded to the cent, half away from zero/);
  });

  it("counts activities' required budget, converted at 1 January, in the requirement and the gap", async () => {
    const activity = await app.gql(
      `mutation ($input: RegisterActivityInput!) { registerActivity(input: $input) { id } }`,
      {
        input: {
          titles: { en: 'Family package: cash transfers to pregnant women and young children' },
          organisation: 'UNICEF',
          country: 'KHM',
          policyAreas: ['LNOB_INCLUSION'],
          start: '2024-01-01',
          end: '2025-12-31',
          status: 'IMPLEMENTATION',
          budget: [{ year: 2024, currency: 'EUR', required: '2000000', available: '900000', spent: '0' }],
        },
      },
      admin,
    );
    expect(activity.errors).toBeUndefined();
    const { total } = await eventually(async () => {
      const result = await overview({ filter: { country: 'KHM', year: 2024 } });
      expect(result.total.required).toBe('2222222.22');
      return result;
    });
    expect(total).toMatchObject({ committed: '1125000.00', gap: '1097222.22' });
    // No requirement is known per donor.
    expect((await overview({ filter: { donor: 'GERMANY' } })).total).toMatchObject({
      required: null,
      gap: null,
      committed: '1125000.00',
    });
  });

  it('groups by year, country, organisation and donor', async () => {
    const byYear = await overview({ filter: { country: 'KHM' }, groupBy: 'YEAR' });
    expect(byYear.groups).toEqual([
      { key: '2024', figures: { committed: '1125000.00', spent: '625000.00', unconverted: 0 } },
    ]);
    const byDonor = await overview({ groupBy: 'DONOR' });
    expect(byDonor.groups.map((g) => g.key)).toEqual(['GERMANY']);
    expect((await overview({ filter: { country: 'MWI' } })).total).toMatchObject({
      committed: '0.00',
      jointShare: null,
    });
  });

  it('refuses bad input field by field, another agency, and anonymous readers', async () => {
    const before = await eventCount();
    const bad = await send(RECORD, { ...toUnicefCambodia, currency: 'EUX', country: 'XXX' });
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: 'currency', value: 'EUX' },
        { path: 'country', value: 'XXX' },
      ],
    });
    const zero: GqlResult<unknown> = await transact({ type: 'INCOMING_FUNDS', amount: '0', valueDate: '2024-05-01' });
    expect(zero.errors![0].extensions).toMatchObject({
      fields: [{ path: 'amount', message: 'must be greater than zero' }],
    });
    const wfpEditor = await app.token({ roles: ['agency-editor'], org: 'WFP', countries: ['KHM'] });
    const forbidden = await transact({ type: 'INCOMING_FUNDS', amount: '5', valueDate: '2024-05-01' }, wfpEditor);
    expect(forbidden.errors![0]).toMatchObject({
      message:
        "Only a platform admin, an RCO coordinator of KHM or an agency editor of GERMANY or UNICEF in KHM can record this contribution's money",
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await eventCount()).toBe(before);
    const anonymous = await app.gql(OVERVIEW, {});
    expect(anonymous.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('cancels a transaction recorded by mistake, taking it out of the totals, with its reason', async () => {
    const cancel = (input: Record<string, unknown>) =>
      send(`mutation ($input: CancelTransactionInput!) { cancelTransaction(input: $input) { version } }`, {
        contributionId,
        ...input,
      });
    expect((await cancel({ number: 1, reason: 'Pledge entered twice' })).errors).toBeUndefined();
    const contribution = await readBack(10);
    expect(contribution.transactions.map((t) => t.number)).toEqual([2, 3, 4, 5, 6, 7]);
    expect((await overview({ filter: { country: 'KHM', year: 2024 } })).total).toMatchObject({ pledged: '0.00' });
    const stillDisbursed = await cancel({ number: 4, reason: 'Wrong agreement' });
    expect(stillDisbursed.errors![0]).toMatchObject({
      message: expect.stringMatching(
        /^Cancelling transaction #4 \(PCA-KHM-2024-07\) of 2024-03-10 would leave disbursements/,
      ),
      extensions: { code: 'CONFLICT' },
    });
  });

  it('rebuilds contributions, transactions and rates from the events into identical tables', async () => {
    const { dataSource, registry } = app.runtime;
    const tables = contributionProjection.tables;
    const live = await Promise.all(tables.map((t) => tableHash(dataSource, t)));
    await rebuildProjection(dataSource, registry, contributionProjection);
    expect(await Promise.all(tables.map((t) => tableHash(dataSource, t)))).toEqual(live);
  });

  it("attributes money and requirements to a framework outcome, the requirement through its activities' outputs", async () => {
    const framework = async (mutation: string, input: Record<string, unknown>) => {
      const result = await app.gql<Record<string, { id: string }>>(
        `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`,
        { input },
        admin,
      );
      expect(result.errors).toBeUndefined();
      return result.data![mutation].id;
    };
    const id = await framework('createCooperationFramework', {
      code: 'KHM-UNSDCF-2024',
      title: 'Cooperation Framework Cambodia 2024–2028',
      countries: ['KHM'],
      startDate: '2024-01-01',
      endDate: '2028-12-31',
    });
    await framework('addStrategicPriority', { id, code: 'SP1', title: 'People' });
    await framework('addOutcome', { id, priorityCode: 'SP1', code: '1.1', title: 'Social protection coverage' });
    await framework('addOutput', { id, outcomeCode: '1.1', code: '1.1.1', title: 'Family package delivered' });
    const [outcome, output] = [`${id}:1.1`, `${id}:1.1.1`];
    const activity = await app.gql(
      `mutation ($input: RegisterActivityInput!) { registerActivity(input: $input) { id } }`,
      {
        input: {
          titles: { en: 'Family package: integrated benefits for poor households' },
          organisation: 'UNICEF',
          country: 'KHM',
          policyAreas: ['LNOB_INCLUSION'],
          start: '2024-01-01',
          end: '2024-12-31',
          status: 'IMPLEMENTATION',
          frameworkOutputId: output,
          budget: [{ year: 2024, currency: 'USD', required: '300000', available: '0', spent: '0' }],
        },
      },
      admin,
    );
    expect(activity.errors).toBeUndefined();

    const toOutcome = { ...toUnicefCambodia, title: 'Germany to the family package outcome', currency: 'USD' };
    const unknown = await send(RECORD, { ...toOutcome, frameworkOutcomeId: `${id}:9.9` });
    expect(unknown.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'frameworkOutcomeId', message: 'is not an outcome of a Cooperation Framework' }],
    });
    const recorded = await eventually(async () => {
      const result = await send(RECORD, { ...toOutcome, frameworkOutcomeId: outcome });
      expect(result.errors).toBeUndefined(); // once the framework's results are projected
      return (result.data as { recordContribution: { id: string } }).recordContribution.id;
    });
    const commitment = {
      contributionId: recorded,
      type: 'INCOMING_COMMITMENT',
      amount: '100000',
      valueDate: '2024-03-01',
    };
    expect((await send(TRANSACT, commitment)).errors).toBeUndefined();

    const byOutcome = await eventually(async () => {
      const result = await overview({ filter: { frameworkOutcomeId: outcome } });
      expect(result.total).toMatchObject({ required: '300000.00', committed: '100000.00' });
      return result;
    });
    expect(byOutcome.total.gap).toBe('200000.00');
    const grouped = await overview({ filter: { country: 'KHM', year: 2024 }, groupBy: 'FRAMEWORK_OUTCOME' });
    expect(grouped.groups.find((g) => g.key === outcome)!.figures).toMatchObject({ committed: '100000.00' });
    // The earlier money named no outcome: it stays in the group without a key, listed last.
    expect(grouped.groups.at(-1)).toMatchObject({ key: null, figures: { committed: '1125000.00' } });
  });
});
