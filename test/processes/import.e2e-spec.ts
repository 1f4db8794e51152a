import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnConcord } from '@concord/test-support';

const FIXTURE = join(__dirname, '..', '..', 'libs', 'interop', 'src', 'activity-import', 'testing', 'activities.jsonl');

/** `concord import activities` as an operator runs it: the built CLI, embedded mode, PGlite under the data directory. */
describe('concord import activities (embedded mode, real process)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'concord-import-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const env = () => ({ CONCORD_DATA_DIR: dataDir, CONCORD_DEMO: 'off' });
  const importing = (...args: string[]) => spawnConcord('cli', ['import', 'activities', ...args], env());

  it('imports the good lines, reports the bad ones and exits 1; a re-import finds every activity unchanged', async () => {
    const errors = join(dataDir, 'errors.jsonl');
    const first = importing('--format', 'jsonl', FIXTURE, '--errors', errors);
    expect(await first.exited).toBe(1);
    expect(first.output()).toMatch(/Imported 18 lines of activities\.jsonl in [\d.]+ m?s \(\d+ lines\/s\)/);
    expect(first.output()).toMatch(
      /registered 10\n {2}revised {4}0\n {2}unchanged {2}0\n {2}failed {5}8\n {2}warnings {3}2\n/,
    );
    expect(first.output()).toMatch(/organisations created 9: FAO, ILO, NEWORG_A, NEWORG_B, UNDP/);
    expect(first.output()).toContain(
      'line 8 (B-003) error UNKNOWN_CODE: policyAreas[0] = "HOUSING": is not a policy area (one of',
    );
    const report = (await readFile(errors, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(report).toHaveLength(10);
    expect(report[1]).toMatchObject({ line: 6, severity: 'error', code: 'INVALID_JSON' });

    const again = importing(FIXTURE);
    expect(await again.exited).toBe(1); // the bad lines are still bad
    expect(again.output()).toMatch(/registered 0\n {2}revised {4}0\n {2}unchanged {2}10\n {2}failed {5}8\n/);
    expect(again.output()).toMatch(/organisations created 0\n/);
  });

  it('exits 0 when every line goes in, and imports CSV with the same columns', async () => {
    const csv = join(dataDir, 'clean.csv');
    await writeFile(
      csv,
      'id,title,organisation,partners,country,policyAreas,start,end,amount,currency\n' +
        'C-1,"Cash transfers, phase 1",WFP,UNICEF:IMPLEMENTING,EGY,LNOB_INCLUSION;SHOCK_RESPONSIVE,2020-01-01,2020-12-31,1000,USD\n',
    );
    const run = importing(csv, '--dry-run');
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Dry run, nothing stored: checked 1 line of clean\.csv/);
    const real = importing('--format', 'csv', csv, '--publish');
    expect(await real.exited).toBe(0);
    expect(real.output()).toMatch(
      /registered 1\n {2}revised {4}0\n {2}unchanged {2}0\n {2}failed {5}0\n {2}published {2}1\n/,
    );
    const again = importing(csv, '--publish');
    expect(await again.exited).toBe(0);
    expect(again.output()).toMatch(/unchanged {2}1\n {2}failed {5}0\n {2}published {2}0\n/);
  });

  it('exits 2 on a wrong command line, naming what is wrong', async () => {
    const unknownFormat = importing('--format', 'xml', FIXTURE);
    expect(await unknownFormat.exited).toBe(2);
    expect(unknownFormat.output()).toContain('concord import: --format must be jsonl or csv (got "xml")');
    const noFile = importing();
    expect(await noFile.exited).toBe(2);
    expect(noFile.output()).toMatch(/name one file to import\n\nUsage: concord import activities/);
  });

  it('refuses while a running Concord holds the data directory', async () => {
    const server = spawnConcord('cli', ['start'], { ...env(), PORT: '0' });
    await server.ready;
    try {
      const refused = importing(FIXTURE);
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toMatch(/data directory .* is in use by process \d+; stop it first/);
    } finally {
      expect(await server.kill('SIGTERM')).toBe(0);
    }
  });
});
