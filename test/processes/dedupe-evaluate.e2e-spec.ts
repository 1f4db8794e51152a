import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnConcord } from '@concord/test-support';

const SAMPLE = join(__dirname, '..', '..', 'libs', 'duplication', 'src', 'evaluation', 'testing');
const ACTIVITIES = join(SAMPLE, 'labelled-sample.jsonl');
const LABELS = join(SAMPLE, 'labelled-sample.csv');

/**
 * `concord dedupe evaluate` as a data scientist runs it, on 117 activities of the development set
 * with its 33 labelled pairs among them (shared/dedupe/dev).
 */
describe('concord dedupe evaluate (real process)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'concord-dedupe-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const evaluate = (...args: string[]) => spawnConcord('cli', ['dedupe', 'evaluate', ...args], { CONCORD_DEMO: 'off' });

  it('imports the set into a throwaway store and prints precision, recall and F1 per kind as JSON', async () => {
    const run = evaluate('--activities', ACTIVITIES, '--labels', LABELS);
    expect(await run.exited).toBe(0);
    const report = JSON.parse(run.stdout());
    expect(report).toMatchObject({ activities: 117, labelledPairs: 33, importFailures: 0 });
    for (const kind of ['DUPLICATE_RECORD', 'OVERLAPPING_EFFORT']) {
      expect(report.perKind[kind].f1).toBeGreaterThanOrEqual(0.85);
    }
    expect(report.overall.truePositives + report.overall.falseNegatives).toBe(33);
    expect(report.confusion.DUPLICATE_RECORD.DUPLICATE_RECORD).toBeGreaterThan(0);
    expect(report.ms.total).toBeGreaterThan(0);
  });

  it('refuses a malformed label naming its line, and a missing option with the usage', async () => {
    const labels = join(dir, 'bad.csv');
    await writeFile(labels, 'a,b,kind\nA-1,A-2,DUPLICATE\n');
    const bad = evaluate('--activities', ACTIVITIES, '--labels', labels);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('line 2: must be a,b,kind with kind DUPLICATE_RECORD or OVERLAPPING_EFFORT');
    const usage = evaluate('--activities', ACTIVITIES);
    expect(await usage.exited).toBe(2);
    expect(usage.output()).toContain(
      'Usage: concord dedupe scan | dedupe evaluate --activities <file.jsonl> --labels <pairs.csv>',
    );
  });
});

/** `concord dedupe scan` after an import, in embedded mode: it projects what the import appended first. */
describe('concord dedupe scan (embedded mode, real process)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'concord-scan-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const cli = (...args: string[]) => spawnConcord('cli', args, { CONCORD_DATA_DIR: dataDir, CONCORD_DEMO: 'off' });

  it('raises a flag per pair found, and a second scan changes nothing', async () => {
    expect(await cli('import', 'activities', ACTIVITIES).exited).toBe(0);
    const first = cli('dedupe', 'scan');
    expect(await first.exited).toBe(0);
    const raised =
      /Scanned 117 activities \(\d+ candidate pairs\) in [\d.]+ s: (\d+) pairs alike; flags raised (\d+), changed 0, cleared 0, unchanged 0/.exec(
        first.stdout(),
      );
    expect(raised).not.toBeNull();
    expect(Number(raised![1])).toBeGreaterThan(25);
    expect(raised![2]).toBe(raised![1]);
    const second = cli('dedupe', 'scan');
    expect(await second.exited).toBe(0);
    expect(second.stdout()).toContain(
      `${raised![1]} pairs alike; flags raised 0, changed 0, cleared 0, unchanged ${raised![1]}`,
    );
  });
});
