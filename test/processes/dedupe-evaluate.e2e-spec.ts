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

  it('scores with changed settings from --config or DEDUPE_CONFIG, and names a bad setting', async () => {
    const strict = join(dir, 'strict.json');
    await writeFile(
      strict,
      JSON.stringify({ duplicateRecord: { threshold: 100 }, overlappingEffort: { threshold: 100 } }),
    );
    for (const run of [
      evaluate('--activities', ACTIVITIES, '--labels', LABELS, '--config', strict),
      spawnConcord('cli', ['dedupe', 'evaluate', '--activities', ACTIVITIES, '--labels', LABELS], {
        CONCORD_DEMO: 'off',
        DEDUPE_CONFIG: strict,
      }),
    ]) {
      expect(await run.exited).toBe(0);
      expect(JSON.parse(run.stdout())).toMatchObject({ detectedPairs: 0, overall: { truePositives: 0 } });
    }
    const typo = join(dir, 'typo.json');
    await writeFile(typo, JSON.stringify({ overlappingEffort: { treshold: 4 } }));
    const refused = evaluate('--activities', ACTIVITIES, '--labels', LABELS, '--config', typo);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain(
      `concord dedupe: ${typo}: overlappingEffort.treshold: is not a setting; settings here: threshold, weights, minPeriodOverlap`,
    );
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
      'Usage: concord dedupe scan [--config <settings.json>] | dedupe evaluate --activities <file.jsonl> --labels <pairs.csv> [--config <settings.json>]',
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

  it('leaves a flag per pair found, and a second scan changes nothing', async () => {
    expect(await cli('import', 'activities', ACTIVITIES).exited).toBe(0);
    const first = cli('dedupe', 'scan');
    expect(await first.exited).toBe(0);
    const summary =
      /Scanned 117 activities \(\d+ candidate pairs\) in [\d.]+ s: (\d+) pairs alike; flags raised (\d+), changed (\d+), cleared (\d+), unchanged (\d+)/.exec(
        first.stdout(),
      );
    expect(summary).not.toBeNull();
    const [found, raised, changed, , unchanged] = summary!.slice(1).map(Number);
    expect(found).toBeGreaterThan(25);
    // The streaming detector flagged the import while the CLI caught up with it; the scan settles the rest.
    expect(raised + changed + unchanged).toBe(found);
    const second = cli('dedupe', 'scan');
    expect(await second.exited).toBe(0);
    expect(second.stdout()).toContain(`${found} pairs alike; flags raised 0, changed 0, cleared 0, unchanged ${found}`);
  });
});
