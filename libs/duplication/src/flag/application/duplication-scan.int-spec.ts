import { join } from 'node:path';
import { directoryContext } from '@concord/directory';
import { CommandRunner, EventRegistry, EventStore, rebuildProjection, tableHash } from '@concord/eventing';
import { importActivities, readImportFile } from '@concord/interop';
import { schemaOf } from '@concord/platform';
import { programmingContext } from '@concord/programming';
import { createTestDatabase, type TestDatabase } from '@concord/test-support';
import { duplicationContext } from '../../duplication.context';
import { duplicationFlagAggregate } from '../domain/duplication-flag.aggregate';
import { duplicationFlagProjection } from '../read-model/duplication-flag.projection';
import { scanDuplication } from './duplication-scan';

/** 117 activities of the development set with 33 labelled pairs among them. */
const SAMPLE = join(__dirname, '..', '..', 'evaluation', 'testing', 'labelled-sample.jsonl');
const contexts = [directoryContext, programmingContext, duplicationContext];

describe('concord dedupe scan over the read models (real Postgres)', () => {
  let db: TestDatabase;
  let runner: CommandRunner;
  let registry: EventRegistry;
  const project = async () => {
    for (const projection of contexts.flatMap((c) => c.projections))
      await rebuildProjection(db.dataSource, registry, projection);
  };
  const scan = async () => {
    const summary = await scanDuplication({ runner, db: db.dataSource }, 'scan-test');
    await project();
    return summary;
  };
  const flags = (): Promise<{ id: string; status: string; kind: string; decision: string | null }[]> =>
    db.dataSource.query(`SELECT id, status, kind, decision FROM duplication_flags ORDER BY id`);

  beforeAll(async () => {
    db = await createTestDatabase(schemaOf(contexts));
    registry = new EventRegistry(contexts.flatMap((c) => c.streams));
    runner = new CommandRunner(new EventStore(db.dataSource, registry));
    const imported = await importActivities(db.dataSource, readImportFile(SAMPLE, 'jsonl'));
    expect(imported.failed).toBe(0);
    await project();
  });
  afterAll(() => db.close());

  it('raises a flag for each pair found, with its kind, score and reasons', async () => {
    const summary = await scan();
    expect(summary).toMatchObject({ activities: 117, raised: summary.found, changed: 0, cleared: 0, unchanged: 0 });
    expect(summary.found).toBeGreaterThan(25);
    const rows = await flags();
    expect(rows).toHaveLength(summary.found);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['DUPLICATE_RECORD', 'OVERLAPPING_EFFORT']));
    const [withReasons] = await db.dataSource.query(`SELECT contributions FROM duplication_flags LIMIT 1`);
    expect(withReasons.contributions[0]).toEqual(
      expect.objectContaining({ signal: expect.any(String), says: expect.any(String) }),
    );
  });

  it('changes nothing when scanned again, and a dismissed flag stays dismissed', async () => {
    const [first] = await flags();
    const coordinator = { id: 'rco', roles: ['platform-admin'], countries: [] };
    await runner.run(duplicationFlagAggregate, {
      streamId: first.id,
      command: { type: 'DismissFlag', data: { as: 'COMPLEMENTARY', reason: 'Division of labour agreed' } },
      actor: coordinator,
      correlationId: 'dismiss',
    });
    await project();
    const again = await scan();
    expect(again).toMatchObject({ raised: 0, changed: 0, cleared: 0, unchanged: again.found });
    expect((await flags()).find((f) => f.id === first.id)).toMatchObject({
      status: 'DISMISSED',
      decision: 'COMPLEMENTARY',
    });
  });

  it('rebuilds the flags table from the events into an identical table', async () => {
    const live = await tableHash(db.dataSource, 'duplication_flags');
    await rebuildProjection(db.dataSource, registry, duplicationFlagProjection);
    expect(await tableHash(db.dataSource, 'duplication_flags')).toBe(live);
  });
});
