import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphqlRequest, spawnConcord } from '@concord/test-support';

/** The demo as a new user meets it: `npm start` on nothing, then `concord demo load` by hand. */
describe('demo data (real processes, embedded mode)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'concord-demo-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const env = () => ({ CONCORD_DATA_DIR: dataDir, PORT: '0' });
  /**
   * The demo's ~800 events load in some 25 s beside the projections on a quiet machine (11 s by
   * hand); a CI machine running other suites at once may take several times that.
   */
  const LOAD_MS = 150_000;
  /** The numbers of the summary line: "demo: 0 created, 154 already there, 8 skipped; appended 0 events (… holds 384 events)". */
  const totals = (output: string) => {
    const m =
      /demo: (\d+) created, (\d+) already there, (\d+) skipped; appended (\d+) events? \(the event store holds (\d+) events?\)/.exec(
        output,
      );
    if (!m) throw new Error(`no summary line in:\n${output}`);
    const [created, alreadyThere, skipped, appended, inStore] = m.slice(1).map(Number);
    return { created, alreadyThere, skipped, appended, inStore };
  };

  it(
    'loads into an empty database at start, shows the joint programmes with their agencies, and never twice',
    async () => {
      const server = spawnConcord('cli', ['start'], env());
      const port = await server.ready;
      const loaded = await eventually(() => {
        const line = server.output().match(/\{[^\n]*"msg":"demo data loaded[^\n]*\}/);
        if (!line) throw new Error('the demo is not loaded yet');
        return JSON.parse(line[0]) as { created: number; alreadyThere: number; skipped: number; events: number };
      }, LOAD_MS);
      expect(loaded.created).toBeGreaterThan(100);
      expect(loaded.events).toBeGreaterThan(300);

      const gql = (query: string) => graphqlRequest(`http://127.0.0.1:${port}`, query);
      await eventually(async () => {
        const { data, errors } = await gql(`{
        jointProgramme(code: "JP-KHM") { countries leadOrganisation participants { organisation role } fundingSources }
        jointProgrammes(filter: { country: "VNM" }) { edges { node { code leadOrganisation } } }
        organisation(code: "UN_WOMEN") { iatiOrgId }
      }`);
        expect(errors).toBeUndefined();
        expect(data!.jointProgramme).toEqual({
          countries: ['KHM'],
          leadOrganisation: 'ILO',
          participants: [
            { organisation: 'ILO', role: 'LEAD' },
            { organisation: 'UNICEF', role: 'PARTICIPATING' },
            { organisation: 'WHO', role: 'PARTICIPATING' },
          ],
          fundingSources: ['Joint SDG Fund'],
        });
        expect(data!.jointProgrammes.edges).toContainEqual({ node: { code: 'JP-VNM', leadOrganisation: 'ILO' } });
        expect(data!.organisation).toEqual({ iatiOrgId: 'XM-DAC-41146' });
      }, 30_000);
      expect(await server.kill('SIGTERM')).toBe(0);

      // The data directory is PGlite's, so the server is stopped before the CLI opens it.
      const again = spawnConcord('cli', ['demo', 'load'], env());
      expect(await again.exited).toBe(0);
      expect(again.output()).toMatch(/^joint programmes \(seed000_jps_mentioned\.csv\): 0 created, 37 already there/m);
      const second = totals(again.output());
      expect(second).toMatchObject({
        created: 0,
        alreadyThere: loaded.created + loaded.alreadyThere,
        skipped: loaded.skipped,
        appended: 0,
      });
      // Beside the demo's events the store holds the flags the streaming duplication detector raised.
      expect(second.inStore).toBeGreaterThan(loaded.events);

      const restarted = spawnConcord('cli', ['start'], env());
      await restarted.ready;
      expect(await restarted.kill('SIGTERM')).toBe(0);
      expect(restarted.output()).not.toMatch(/demo data loaded/); // the database is not empty any more
    },
    4 * LOAD_MS,
  );

  it('generates synthetic data, and a second run with the same options appends nothing', async () => {
    const run = async () => {
      const generate = spawnConcord('cli', ['demo', 'generate', '--countries', '3', '--activities', '60'], env());
      expect(await generate.exited).toBe(0);
      return generate.output();
    };
    expect(await run()).toMatch(/synthetic data: 60 activities and 2 joint programmes in 3 countries \(seed 1\)/);
    expect(await run()).toMatch(/: (\d+) commands, \1 of them run before; appended 0 events/);
  });

  it('names the flag that is wrong and the CONCORD_DEMO values it takes', async () => {
    const generate = spawnConcord('cli', ['demo', 'generate', '--countries', 'many', '--activities', '5'], env());
    expect(await generate.exited).toBe(1);
    expect(generate.output()).toContain('--countries must be a whole number of at least 1; not "many"');
    const start = spawnConcord('cli', ['start'], { ...env(), CONCORD_DEMO: 'yes' });
    expect(await start.exited).toBe(2);
    expect(start.output()).toContain('CONCORD_DEMO="yes": must be on (load the demo into an empty database) or off');
  });
});
