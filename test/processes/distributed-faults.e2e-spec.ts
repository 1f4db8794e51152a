import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_SECRET, mintToken, schemaOf } from '@concord/platform';
import { directoryContext } from '@concord/directory';
import {
  createTestDatabase,
  dedicatedBroker,
  eventually,
  graphqlRequest,
  spawnConcord,
  type ConcordProcess,
  type TestDatabase,
} from '@concord/test-support';

/**
 * Distributed mode as operators run it: api and worker as separate OS processes over Postgres and
 * a real Kafka broker of this test's own, which the test stops and restarts under load.
 */
describe('distributed mode (api and worker processes, real Postgres and Kafka)', () => {
  let broker: Awaited<ReturnType<typeof dedicatedBroker>>;
  let db: TestDatabase;
  let env: Record<string, string>;
  let api: ConcordProcess;
  let worker: ConcordProcess;
  let apiPort: number;
  let token: string;

  beforeAll(async () => {
    broker = await dedicatedBroker('faults');
    await broker.start();
    db = await createTestDatabase(schemaOf([directoryContext]), { needsServer: true });
    env = {
      DATABASE_URL: db.url!,
      KAFKA_BROKERS: broker.brokers.join(','),
      KAFKA_TOPIC_PREFIX: `faults-${randomBytes(3).toString('hex')}.`,
      KAFKA_PARTITIONS: '3',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      PORT: '0',
      WORKER_PORT: '0',
    };
    api = spawnConcord('api', [], env);
    apiPort = await api.ready;
    worker = spawnConcord('worker', [], env);
    await worker.ready;
    token = await mintToken({ sub: 'admin', roles: ['platform-admin'] }, { secret: DEVELOPMENT_SECRET });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.kill(), worker?.kill()]);
    await db?.close();
    await broker?.remove();
  });

  const gql = (query: string, variables?: Record<string, unknown>) =>
    graphqlRequest(`http://127.0.0.1:${apiPort}`, query, variables, token);
  const register = (code: string) =>
    gql(`mutation ($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`, {
      input: { code, name: code, type: '40' },
    }).then((r) => r.data!.registerOrganisation.id as string);
  const rename = (id: string, name: string) =>
    gql(`mutation ($input: RenameOrganisationInput!) { renameOrganisation(input: $input) { version } }`, {
      input: { id, name },
    });

  /** Every stream's read-model row is at the stream's last version with its last name, and nothing is parked. */
  const expectReadModelComplete = async () => {
    const [row] = await db.dataSource.query(`
      SELECT (SELECT count(DISTINCT stream_id) FROM events)::int AS streams,
             (SELECT count(*) FROM directory_organisations o
                JOIN (SELECT DISTINCT ON (stream_id) stream_id, version, data FROM events ORDER BY stream_id, version DESC) e
                  ON e.stream_id = o.id AND e.version = o.version
                 AND (e.data->>'name' IS NULL OR e.data->>'name' = o.name))::int AS current,
             (SELECT count(*) FROM dead_letters)::int AS parked`);
    expect(row).toEqual({ streams: row.streams, current: row.streams, parked: 0 });
  };

  it('shows a mutation to a query through Kafka within about a second', async () => {
    const started = Date.now();
    await register('ILO');
    await eventually(
      async () => {
        const { data } = await gql(`{ organisation(code: "ILO") { code } }`);
        expect(data!.organisation).toEqual({ code: 'ILO' });
      },
      10_000,
      20,
    );
    process.stdout.write(`mutation → query through Kafka: ${Date.now() - started} ms\n`);
  });

  it('loses and duplicates nothing when the worker is killed mid-batch and restarted', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => register(`ORG_${i}`)));
    const writes = (async () => {
      for (let round = 1; round <= 10; round++) {
        await Promise.all(ids.map((id) => rename(id, `round ${round}`)));
      }
    })();
    await eventually(async () => {
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM directory_organisations`);
      expect(n).toBeGreaterThan(5);
    });
    await worker.kill('SIGKILL'); // no chance to commit offsets or finish its batch
    await writes;
    worker = spawnConcord('worker', [], env);
    await worker.ready;
    await eventually(expectReadModelComplete, 60_000, 200);
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM directory_organisations WHERE name = 'round 10'`,
    );
    expect(n).toBe(20);
  }, 120_000);

  it('loses nothing when the broker is restarted under load', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => register(`LOAD_${i}`)));
    let stop = false;
    let round = 0;
    const writes = (async () => {
      while (!stop) {
        round++;
        await Promise.all(ids.map((id) => rename(id, `load ${round}`)));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await broker.stop();
    await new Promise((resolve) => setTimeout(resolve, 2000)); // commands keep landing in Postgres meanwhile
    await broker.start();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    stop = true;
    await writes;
    await eventually(expectReadModelComplete, 90_000, 250);
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM directory_organisations WHERE name = $1`,
      [`load ${round}`],
    );
    expect(n).toBe(10);
  }, 180_000);
});
