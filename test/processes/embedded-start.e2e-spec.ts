import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_SECRET, mintToken } from '@concord/platform';
import { eventually, graphqlRequest, spawnConcord } from '@concord/test-support';

/** `npm start` as a new user runs it: embedded mode, PGlite under the data directory. */
describe('concord start (embedded mode, real process)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'concord-embedded-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const gql = (port: number, query: string, variables?: Record<string, unknown>, token?: string) =>
    graphqlRequest(`http://127.0.0.1:${port}`, query, variables, token);

  it('serves GraphQL, keeps a registered organisation across a restart, and stops cleanly', async () => {
    // Without the demo: this test registers ILO itself and counts the events a rebuild replays.
    const env = { CONCORD_DATA_DIR: dataDir, PORT: '0', CONCORD_DEMO: 'off' };
    const first = spawnConcord('cli', ['start'], env);
    const port = await first.ready;
    expect(first.output()).toMatch(/Concord GraphQL API: http:\/\/localhost:\d+\/graphql/);
    const token = await mintToken({ sub: 'admin', roles: ['platform-admin'] }, { secret: DEVELOPMENT_SECRET });
    const registered = await gql(
      port,
      `mutation { registerOrganisation(input: { code: "ILO", name: "International Labour Organization", type: "40" }) { id } }`,
      {},
      token,
    );
    expect(registered.errors).toBeUndefined();
    await eventually(async () => {
      const { data } = await gql(port, `{ organisation(code: "ILO") { name } }`);
      expect(data!.organisation).toEqual({ name: 'International Labour Organization' });
    });
    const intruder = spawnConcord('cli', ['start'], env); // a second process on the same files
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toMatch(/data directory .* is in use by process \d+; stop it first/);
    expect(await first.kill('SIGTERM')).toBe(0);

    const second = spawnConcord('cli', ['start'], env);
    const port2 = await second.ready;
    const { data } = await gql(port2, `{ organisation(code: "ILO") { name version } }`);
    expect(data!.organisation).toEqual({ name: 'International Labour Organization', version: 1 });
    expect(await second.kill('SIGTERM')).toBe(0);

    // Read models are disposable: a rebuild from the events gives the same tables, twice over.
    const hashes = async () => {
      const rebuild = spawnConcord('cli', ['projections', 'rebuild', 'all'], env);
      expect(await rebuild.exited).toBe(0);
      expect(rebuild.output()).toMatch(/directory\.organisations: replayed 1 events/);
      return rebuild.output().match(/directory_organisations=\w+/)![0];
    };
    expect(await hashes()).toBe(await hashes());
  });

  it('mints development tokens and refuses unknown roles', async () => {
    const token = spawnConcord(
      'cli',
      ['token', '--sub', 'ana', '--role', 'agency-editor', '--org', 'WFP', '--country', 'KHM'],
      {},
    );
    expect(await token.exited).toBe(0);
    const payload = JSON.parse(Buffer.from(token.output().trim().split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ sub: 'ana', roles: ['agency-editor'], org: 'WFP', countries: ['KHM'] });
    const bad = spawnConcord('cli', ['token', '--sub', 'ana', '--role', 'emperor'], {});
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/unknown role emperor; roles are platform-admin, rco-coordinator/);
  });

  it('refuses invalid configuration with a message naming the variable and a non-zero exit', async () => {
    const bad = spawnConcord('cli', ['start'], {
      CONCORD_DATA_DIR: dataDir,
      PORT: 'eighty',
      KAFKA_BROKERS: 'localhost:9092',
    });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('PORT="eighty": must be a whole number from 0 to 65535');
    expect(bad.output()).toContain('KAFKA_BROKERS is set but DATABASE_URL is not');
  });

  it('refuses to start with detector settings it cannot use, naming the file and the setting', async () => {
    const settings = join(dataDir, 'dedupe.json');
    await writeFile(settings, JSON.stringify({ blocking: { window: 0 } }));
    const bad = spawnConcord('cli', ['start'], { CONCORD_DATA_DIR: dataDir, DEDUPE_CONFIG: settings });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain(`could not start: ${settings}: blocking.window: must be a whole number, 1 or more`);
  });

  it('refuses to run the api alone in embedded mode, saying what to set', async () => {
    const api = spawnConcord('api', [], { CONCORD_DATA_DIR: dataDir });
    expect(await api.exited).toBe(2);
    expect(api.output()).toMatch(/distributed mode only: set DATABASE_URL and KAFKA_BROKERS/);
  });
});
