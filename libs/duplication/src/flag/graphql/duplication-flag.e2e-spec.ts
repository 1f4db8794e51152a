import { directoryContext } from '@concord/directory';
import { fundingContext } from '@concord/funding';
import { programmingContext } from '@concord/programming';
import { eventually, graphqlSubscription, startTestApp, type TestApp } from '@concord/test-support';
import { duplicationContext } from '../../duplication.context';
import { scanDuplication } from '../application/duplication-scan';

const REGISTER = `mutation ($input: RegisterActivityInput!) { registerActivity(input: $input) { id } }`;
const FLAGS = `query ($filter: DuplicationFlagFilterInput) { duplicationFlags(filter: $filter) { totalCount
  edges { node { id kind status score country organisations decision decisionReason decidedBy
    reasons { signal says points } activities { title organisation } comments { organisation text } version } } } }`;

type Flag = {
  id: string;
  kind: string;
  status: string;
  score: number;
  decision: string | null;
  reasons: { signal: string; says: string; points: number }[];
  activities: { title: string; organisation: string }[];
  comments: { organisation: string | null; text: string }[];
  version: number;
};

/** Two agencies paying cash to the same refugee households in Amman, at the same time. */
const cashInAmman = (organisation: string, title: string, start: string) => ({
  titles: { en: title },
  organisation,
  country: 'JOR',
  areas: ['Amman'],
  policyAreas: ['LNOB_INCLUSION'],
  guarantees: ['WORKING_AGE', 'CHILDREN'],
  functions: ['CASH_TRANSFER'],
  targetGroups: ['REFUGEES_MIGRANTS'],
  counterparts: ['Ministry of Social Development'],
  start,
  end: '2018-02-28',
  status: 'IMPLEMENTATION',
});

describe('Duplication flags over GraphQL (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let jordanRco: string;
  let flagId: string;
  const scan = () => scanDuplication({ runner: app.runtime.commands, db: app.runtime.dataSource }, 'scan-e2e');
  const flags = async (token: string, filter: Record<string, unknown> = { country: 'JOR' }) => {
    const { data, errors } = await app.gql<{ duplicationFlags: { edges: { node: Flag }[] } }>(FLAGS, { filter }, token);
    expect(errors).toBeUndefined();
    return data!.duplicationFlags.edges.map((e) => e.node);
  };

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext, fundingContext, duplicationContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
    jordanRco = await app.token({ sub: 'rco-jor', roles: ['rco-coordinator'], countries: ['JOR'] });
    for (const input of [
      cashInAmman('UNHCR', 'Basic needs cash transfers for refugee households in Amman governorate', '2016-08-01'),
      cashInAmman('WFP', 'Multipurpose cash assistance to refugee families in Amman', '2016-10-01'),
    ]) {
      expect((await app.gql(REGISTER, { input }, admin)).errors).toBeUndefined();
    }
    await eventually(async () => {
      const [row] = await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM programming_activities`);
      expect(row.n).toBe(2);
    });
  });
  afterAll(() => app.close());

  it("shows Jordan's RCO the flag the streaming detector raised, with its reasons in words and the activities", async () => {
    const [flag] = await eventually(async () => {
      const found = await flags(jordanRco);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(await scan()).toMatchObject({ raised: 0, changed: 0, unchanged: 1 });
    flagId = flag.id;
    expect(flag).toMatchObject({ kind: 'OVERLAPPING_EFFORT', status: 'OPEN', decision: null });
    expect(flag.reasons[0].points).toBeGreaterThanOrEqual(flag.reasons.at(-1)!.points);
    expect(flag.reasons.map((r) => r.says)).toContain('the same places (100 %)');
    expect(flag.activities.map((a) => a.organisation).sort()).toEqual(['UNHCR', 'WFP']);
  });

  it('lets the agencies involved comment, and refuses decisions from anyone but the country’s RCO', async () => {
    const live = graphqlSubscription<{ duplicationFlagChanged: { flagId: string; change: string; flag: Flag } }>(
      app.url,
      `subscription { duplicationFlagChanged(country: "JOR") { flagId change flag { status decision } } }`,
      {},
      jordanRco,
    );
    await live.connected;
    const wfp = await app.token({ roles: ['agency-editor'], org: 'WFP', countries: ['JOR'] });
    const comment = `mutation ($input: CommentOnFlagInput!) { commentOnDuplicationFlag(input: $input) { version } }`;
    expect(
      (await app.gql(comment, { input: { id: flagId, text: 'We top up UNHCR’s caseload only' } }, wfp)).errors,
    ).toBeUndefined();
    const dismiss = `mutation ($input: DismissFlagInput!) { dismissDuplicationFlag(input: $input) { version } }`;
    const input = {
      id: flagId,
      as: 'COMPLEMENTARY',
      reason: 'WFP tops up UNHCR households; agreed in the cash working group',
    };
    const lebanonRco = await app.token({ roles: ['rco-coordinator'], countries: ['LBN'] });
    for (const token of [wfp, lebanonRco]) {
      const refused = await app.gql(dismiss, { input }, token);
      expect(refused.errors![0]).toMatchObject({
        message: 'Only a platform admin or an RCO coordinator of JOR can decide on this flag',
        extensions: { code: 'FORBIDDEN' },
      });
    }
    expect((await app.gql(dismiss, { input }, jordanRco)).errors).toBeUndefined();
    const [flag] = await eventually(async () => {
      const found = await flags(jordanRco);
      expect(found[0].status).toBe('DISMISSED');
      return found;
    });
    expect(flag).toMatchObject({
      decision: 'COMPLEMENTARY',
      comments: [{ organisation: 'WFP', text: 'We top up UNHCR’s caseload only' }],
    });
    // Jordan's RCO saw both as they happened, live
    await eventually(() => expect(live.received).toHaveLength(2));
    expect(live.received.map((r) => r.data!.duplicationFlagChanged)).toEqual([
      { flagId, change: 'DuplicationFlagCommented', flag: expect.any(Object) },
      { flagId, change: 'DuplicationFlagDismissed', flag: { status: 'DISMISSED', decision: 'COMPLEMENTARY' } },
    ]);
    await live.close();
  });

  it('keeps the dismissed flag dismissed through another scan', async () => {
    expect(await scan()).toMatchObject({ raised: 0, changed: 0, unchanged: 1 });
    expect((await flags(jordanRco))[0]).toMatchObject({ status: 'DISMISSED' });
  });

  it('shows flags to signed-in callers only, live ones too', async () => {
    const anonymous = await app.gql(FLAGS, { filter: {} });
    expect(anonymous.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const live = graphqlSubscription(app.url, `subscription { duplicationFlagChanged(country: "JOR") { flagId } }`);
    await live.ended;
    expect(live.received[0].errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    await live.close();
  });
});
