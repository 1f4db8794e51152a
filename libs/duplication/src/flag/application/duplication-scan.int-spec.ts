import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directoryContext } from '@concord/directory';
import { fundingContext } from '@concord/funding';
import { CommandRunner, EventRegistry, EventStore, rebuildProjection, tableHash } from '@concord/eventing';
import { importActivities, readImportFile } from '@concord/interop';
import { schemaOf } from '@concord/platform';
import { programmingContext } from '@concord/programming';
import { createTestDatabase, type TestDatabase } from '@concord/test-support';
import { activityProfiles } from '../../detector/application/activity-profiles';
import { divisionsOfLabour } from '../../detector/application/detection-corpus';
import { detectAround } from '../../detector/application/detect-around';
import { activityWordsProjection } from '../../detector/read-model/activity-words.projection';
import { detectDuplication } from '../../detector/domain/detect';
import { DETECTOR_CONFIG } from '../../detector/domain/detector.config';
import { duplicationContext } from '../../duplication.context';
import { duplicationFlagAggregate } from '../domain/duplication-flag.aggregate';
import { duplicationFlagProjection } from '../read-model/duplication-flag.projection';
import { scanDuplication } from './duplication-scan';

/** 117 activities of the development set with 33 labelled pairs among them. */
const SAMPLE = join(__dirname, '..', '..', 'evaluation', 'testing', 'labelled-sample.jsonl');
const contexts = [directoryContext, programmingContext, fundingContext, duplicationContext];

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
    // Five of them again without any code, as an IATI record would come: in every block of their country.
    const uncoded = join(mkdtempSync(join(tmpdir(), 'concord-scan-')), 'uncoded.jsonl');
    const lines = readFileSync(SAMPLE, 'utf8')
      .trim()
      .split('\n')
      .slice(0, 5)
      .map((line) => JSON.parse(line));
    writeFileSync(
      uncoded,
      lines
        .map((a) => JSON.stringify({ ...a, id: `${a.id}-IATI`, functions: [], guarantees: [], policyAreas: [] }))
        .join('\n'),
    );
    expect((await importActivities(db.dataSource, readImportFile(uncoded, 'jsonl'))).failed).toBe(0);
    await project();
  });
  afterAll(() => db.close());

  it('raises a flag for each pair found, with its kind, score and reasons', async () => {
    const summary = await scan();
    expect(summary).toMatchObject({ activities: 122, raised: summary.found, changed: 0, cleared: 0, unchanged: 0 });
    expect(summary.found).toBeGreaterThan(25);
    const rows = await flags();
    expect(rows).toHaveLength(summary.found);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['DUPLICATE_RECORD', 'OVERLAPPING_EFFORT']));
    const [{ uncoded }] = await db.dataSource.query(
      `SELECT count(DISTINCT a.id)::int AS uncoded FROM duplication_flags f JOIN programming_activities a ON a.id = ANY(f.subject_ids)
        WHERE f.kind = 'DUPLICATE_RECORD' AND a.external_ids::text LIKE '%-IATI"%'`,
    );
    expect(uncoded).toBe(5);
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

  it.each([
    ['the configured window', DETECTOR_CONFIG],
    ['a window of 2, which binds here', { ...DETECTOR_CONFIG, blocking: { window: 2 } }],
  ])(
    'finds, one activity at a time, exactly the pairs, kinds and scores the batch scan finds, with %s',
    async (_, config) => {
      const profiles = (await activityProfiles(db.dataSource)).map((a) => a.profile);
      const batch = detectDuplication(profiles, config, await divisionsOfLabour(db.dataSource));
      const incremental = new Map<string, unknown>();
      let examined = 0;
      for (const { id } of profiles) {
        const around = await detectAround(db.dataSource, [id], config);
        examined += around.candidatesExamined;
        for (const { a, b, kind, score } of around.pairs) incremental.set(`${a} ${b}`, { a, b, kind, score });
      }
      const sorted = (pairs: unknown[]) =>
        [...pairs].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
      expect(batch.pairs.length).toBeGreaterThan(20);
      expect(examined).toBe(2 * batch.candidatesExamined); // each pair is seen from both sides
      expect(sorted([...incremental.values()])).toEqual(
        sorted(batch.pairs.map(({ a, b, kind, score }) => ({ a, b, kind, score }))),
      );
    },
  );

  it('rebuilds the flags and the word counts from the events into identical tables', async () => {
    const tables = [
      'duplication_flags',
      'duplication_activity_words',
      'duplication_word_frequencies',
      'duplication_word_corpus',
    ];
    const live = await Promise.all(tables.map((t) => tableHash(db.dataSource, t)));
    await rebuildProjection(db.dataSource, registry, duplicationFlagProjection);
    await rebuildProjection(db.dataSource, registry, activityWordsProjection);
    expect(await Promise.all(tables.map((t) => tableHash(db.dataSource, t)))).toEqual(live);
  });
});
