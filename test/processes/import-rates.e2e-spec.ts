import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnConcord } from '@concord/test-support';

/** `concord import rates` as an operator runs it: the built CLI, embedded mode, PGlite under the data directory. */
describe('concord import rates (embedded mode, real process)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'concord-rates-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const importing = (file: string) =>
    spawnConcord('cli', ['import', 'rates', file], { CONCORD_DATA_DIR: dataDir, CONCORD_DEMO: 'off' });
  const file = async (name: string, ...lines: string[]) => {
    const path = join(dataDir, name);
    await writeFile(path, `currency,date,rate,source\n${lines.map((l) => `${l}\n`).join('')}`);
    return path;
  };

  it('refuses a file with a bad line, naming each, and records nothing of it', async () => {
    const bad = await file(
      'bad.csv',
      'EUR,2024-01-02,0.91,ECB',
      'EUR,2024-01-03,zero,ECB',
      'XYZ,2024-01-02,1,Somewhere',
    );
    const run = importing(bad);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('line 3: rate = "zero": must be a number greater than zero');
    expect(run.output()).toContain('line 4: currency = "XYZ": is not an ISO 4217 currency code');
    expect(run.output()).toContain('bad.csv refused: nothing recorded');
    // Nothing of the good line went in: importing it alone records it as new.
    const good = importing(await file('one.csv', 'EUR,2024-01-02,0.91,ECB'));
    expect(await good.exited).toBe(0);
    expect(good.output()).toContain(
      'Imported 1 rate of 1 currency from one.csv: 1 recorded (new or changed), 0 unchanged',
    );
  });

  it('records new and corrected rates, and nothing when the same file comes again', async () => {
    const rates = await file(
      'rates.csv',
      'EUR,2024-01-02,0.92,ECB',
      'XOF,2024-01-02,603.5,"UN operational rate, January"',
    );
    const first = importing(rates);
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain(
      'Imported 2 rates of 2 currencies from rates.csv: 2 recorded (new or changed), 0 unchanged',
    );
    const again = importing(rates);
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain('0 recorded (new or changed), 2 unchanged');
  });

  it('exits 2 with the usage when no file is named', async () => {
    const run = spawnConcord('cli', ['import', 'rates'], { CONCORD_DATA_DIR: dataDir, CONCORD_DEMO: 'off' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('concord import rates <file.csv>');
  });
});
