import {
  activityProfiles,
  detectDuplication,
  divisionsOfLabour,
  flagIdFor,
  scanDuplication,
  type FlagSubject,
} from '@concord/duplication';
import { eventually, type TestApp } from '@concord/test-support';
import { demoStreamId } from './demo-plan';
import { startDemoApp } from './testing/demo-app';
import {
  caseActivityStream,
  caseLabel,
  DUPLICATION_CASES,
  type DuplicationCase,
} from './tables/duplication-cases.table';

const FLAGS = `query ($filter: DuplicationFlagFilterInput) { duplicationFlags(filter: $filter) {
  edges { node { id kind status reasons { says points } activities { organisation } proposals { organisation } } } } }`;
const DISMISS = `mutation ($input: DismissFlagInput!) { dismissDuplicationFlag(input: $input) { version } }`;

interface Flag {
  id: string;
  kind: string;
  status: string;
  reasons: { says: string; points: number }[];
  activities: { organisation: string }[];
  proposals: { organisation: string }[];
}

const subjectsOf = (c: DuplicationCase): FlagSubject[] =>
  c.activities.map((a) => ({ type: 'ACTIVITY', id: demoStreamId(caseActivityStream(c, a.organisation)) }));

/**
 * The cases of document 004 in the whole demo, with the workers (and so the streaming detector)
 * running: flagged as labelled, seen and decided on by a coordinator over GraphQL.
 */
describe('the duplication cases of the demo (real Postgres, embedded mode)', () => {
  let app: TestApp;
  const flagsIn = async (country: string, token: string): Promise<Flag[]> => {
    const { data, errors } = await app.gql<{ duplicationFlags: { edges: { node: Flag }[] } }>(
      FLAGS,
      { filter: { country } },
      token,
    );
    expect(errors).toBeUndefined();
    return data!.duplicationFlags.edges.map((e) => e.node);
  };
  const statusOf = async (c: DuplicationCase): Promise<string | undefined> => {
    const [row] = await app.runtime.dataSource.query(`SELECT status FROM duplication_flags WHERE id = $1`, [
      flagIdFor(subjectsOf(c)),
    ]);
    return row?.status;
  };

  beforeAll(async () => {
    // Every consumer, the detector among them, has handled every event of the load.
    app = await startDemoApp();
  }, 240_000);
  afterAll(() => app?.close());

  it.each(DUPLICATION_CASES.map((c) => [caseLabel(c), c.expected, c] as const))(
    'case %s is %s',
    async (_label, expected, c) => {
      const status = await statusOf(c);
      // Never raised, or (when the coordination arrived after the activities) raised and cleared.
      if (expected === 'FLAGGED') expect(status).toBe('OPEN');
      else expect([undefined, 'CLEARED']).toContain(status);
    },
  );

  it('leaves the coordinated cases alone because of their coordination, not because they differ', async () => {
    const db = app.runtime.dataSource;
    const coordinated = DUPLICATION_CASES.filter((c) => c.expected === 'NOT_FLAGGED');
    const ids = new Set(coordinated.flatMap((c) => subjectsOf(c).map((s) => s.id)));
    // The same activities without their joint programme, and no division of labour recorded.
    const uncoordinated = (await activityProfiles(db)).map(({ profile }) =>
      ids.has(profile.id) ? { ...profile, jointProgramme: null } : profile,
    );
    const pairs = detectDuplication(uncoordinated, undefined, []).pairs.map((p) =>
      flagIdFor([
        { type: 'ACTIVITY', id: p.a },
        { type: 'ACTIVITY', id: p.b },
      ]),
    );
    for (const c of coordinated) expect(pairs).toContain(flagIdFor(subjectsOf(c)));
    expect(await divisionsOfLabour(db, ['CPV'])).toHaveLength(1);
  });

  it('shows a Burkina Faso coordinator the two flags of case D1 with their reasons', async () => {
    const token = await app.token({ sub: 'rco-bfa', roles: ['rco-coordinator'], countries: ['BFA'] });
    const flags = await flagsIn('BFA', token);
    expect(flags.map((f) => f.kind).sort()).toEqual(['COMPETING_PROPOSALS', 'OVERLAPPING_EFFORT']);
    const overlap = flags.find((f) => f.kind === 'OVERLAPPING_EFFORT')!;
    expect(overlap.activities.map((a) => a.organisation).sort()).toEqual(['ILO', 'WORLD_BANK']);
    expect(overlap.reasons.map((r) => r.says)).toEqual(
      expect.arrayContaining(['the same government counterparts (100 %)', expect.stringMatching(/^the same people/)]),
    );
    const competing = flags.find((f) => f.kind === 'COMPETING_PROPOSALS')!;
    expect(competing.proposals.map((p) => p.organisation).sort()).toEqual(['ILO', 'WORLD_BANK']);
    expect(competing.reasons[0].says).toBe('Both ask BMZ for funding');
  });

  it('keeps the Malawi flag a coordinator dismissed as complementary dismissed through a scan', async () => {
    const malawi = DUPLICATION_CASES.find((c) => c.country === 'MWI')!;
    const token = await app.token({ sub: 'rco-mwi', roles: ['rco-coordinator'], countries: ['MWI'] });
    const [flag] = await flagsIn('MWI', token);
    expect(flag.id).toBe(flagIdFor(subjectsOf(malawi)));
    const input = {
      id: flag.id,
      as: 'COMPLEMENTARY',
      reason: 'UNICEF runs the regular transfers, WFP the shock top-ups',
    };
    expect((await app.gql(DISMISS, { input }, token)).errors).toBeUndefined();
    await eventually(async () => expect(await statusOf(malawi)).toBe('DISMISSED'));
    const summary = await scanDuplication({ runner: app.runtime.commands, db: app.runtime.dataSource }, 'demo-scan');
    expect(summary).toMatchObject({ raised: 0, cleared: 0 });
    expect(await statusOf(malawi)).toBe('DISMISSED');
  });
});
