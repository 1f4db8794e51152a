import { CONTEXTS } from '@concord/composition';
import { CommandRunner, EventRegistry, EventStore } from '@concord/eventing';
import { schemaOf } from '@concord/platform';
import { createTestDatabase, type TestDatabase } from '@concord/test-support';
import { demoId } from './demo-ids';
import { loadDemo } from './demo-loader';
import { totals } from './demo-report';

describe('demo load (real Postgres)', () => {
  let db: TestDatabase;
  let target: Parameters<typeof loadDemo>[0];
  beforeAll(async () => {
    db = await createTestDatabase(schemaOf(CONTEXTS));
    const registry = new EventRegistry(CONTEXTS.flatMap((c) => c.streams));
    target = { commands: new CommandRunner(new EventStore(db.dataSource, registry)), dataSource: db.dataSource };
  });
  afterAll(() => db.close());

  const streams = async () =>
    db.dataSource.query(
      `SELECT stream_type AS type, count(DISTINCT stream_id)::int AS n FROM events GROUP BY 1 ORDER BY 1`,
    );

  it('writes the demo as events with name-based ids, and a second load appends none', async () => {
    const first = await loadDemo(target);
    expect(totals(first)).toMatchObject({ refused: 0, events: first.eventsInStore });
    expect(await streams()).toEqual([
      { type: 'Activity', n: 77 }, // 17 ABNDs, 8 duplication-case activities, 52 agencies' parts of joint programmes
      { type: 'Call', n: 1 },
      { type: 'Contribution', n: 3 },
      { type: 'CooperationFramework', n: 1 },
      { type: 'CoordinationBody', n: 30 },
      { type: 'Fund', n: 2 },
      { type: 'JointProgramme', n: 37 },
      { type: 'Organisation', n: 60 },
      { type: 'Proposal', n: 116 },
    ]);
    const [{ actors }] = await db.dataSource.query(
      `SELECT array_agg(DISTINCT metadata->'actor'->>'id') AS actors FROM events`,
    );
    expect(actors).toEqual(['system']);
    const [ilo] = await db.dataSource.query(
      `SELECT stream_id FROM events WHERE type = 'OrganisationRegistered' AND data->>'code' = 'ILO'`,
    );
    expect(ilo.stream_id).toBe(demoId('organisation', 'ILO'));
    expect(ilo.stream_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // What the documents only imply is marked in the events' provenance, where the audit trail shows it.
    const [drafted] = await db.dataSource.query(
      `SELECT metadata->'provenance' AS provenance FROM events WHERE type = 'JointProgrammeDrafted' AND data->>'code' = 'JP-KHM'`,
    );
    expect(drafted.provenance.source).toBe('seed000_jps_mentioned.csv, row JP-KHM');
    expect(drafted.provenance.inferred).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ILO works in KHM/), expect.stringMatching(/^policy areas /)]),
    );
    const [{ unmarked }] = await db.dataSource.query(
      `SELECT count(*)::int AS unmarked FROM events WHERE metadata->'provenance'->>'source' IS NULL`,
    );
    expect(unmarked).toBe(0);

    const second = await loadDemo(target);
    expect(totals(second)).toMatchObject({ created: 0, events: 0, eventsInStore: first.eventsInStore });
  });
});
