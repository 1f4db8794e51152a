import { randomBytes } from 'node:crypto';
import { CONTEXTS } from '@concord/composition';
import { DEVELOPMENT_SECRET, mintToken, schemaOf } from '@concord/platform';
import {
  createTestDatabase,
  eventually,
  graphqlRequest,
  graphqlSubscription,
  spawnConcord,
  testKafka,
  type ConcordProcess,
  type TestDatabase,
} from '@concord/test-support';

type ActivityChanged = { activityChanged: { activityId: string; change: string; activity: { title: string } | null } };

/**
 * Two api replicas and a worker as separate OS processes over Postgres and the real Kafka broker:
 * a change written through one replica reaches a subscription held on the other.
 */
describe('live updates across api replicas (distributed mode)', () => {
  let db: TestDatabase;
  let writer: ConcordProcess;
  let reader: ConcordProcess;
  let worker: ConcordProcess;
  let writerUrl: string;
  let readerUrl: string;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase(schemaOf(CONTEXTS), { needsServer: true });
    const env = {
      DATABASE_URL: db.url!,
      KAFKA_BROKERS: testKafka().brokers.join(','),
      KAFKA_TOPIC_PREFIX: `live-${randomBytes(3).toString('hex')}.`,
      KAFKA_PARTITIONS: '3',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      PORT: '0',
      WORKER_PORT: '0',
    };
    writer = spawnConcord('api', [], env);
    writerUrl = `http://127.0.0.1:${await writer.ready}`; // made the topics: the others can start
    [reader, worker] = [spawnConcord('api', [], env), spawnConcord('worker', [], env)];
    readerUrl = `http://127.0.0.1:${await reader.ready}`;
    await worker.ready;
    token = await mintToken({ sub: 'admin', roles: ['platform-admin'] }, { secret: DEVELOPMENT_SECRET });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([writer?.kill(), reader?.kill(), worker?.kill()]);
    await db?.close();
  });

  it('delivers an activity registered through one api process to a subscription held on another', async () => {
    const live = graphqlSubscription<ActivityChanged>(
      readerUrl,
      `subscription { activityChanged(country: "MWI") { activityId change activity { title } } }`,
      {},
      token,
    );
    await live.connected;
    await new Promise((resolve) => setTimeout(resolve, 500)); // the subscribe message follows the handshake
    const { data, errors } = await graphqlRequest<{ registerActivity: { id: string } }>(
      writerUrl,
      `mutation ($input: RegisterActivityInput!) { registerActivity(input: $input) { id } }`,
      {
        input: {
          titles: { en: 'Social cash transfers in Mchinji' },
          organisation: 'UNICEF',
          country: 'MWI',
          policyAreas: ['LNOB_INCLUSION'],
          start: '2024-01-01',
          end: '2026-12-31',
          status: 'IMPLEMENTATION',
        },
      },
      token,
    );
    expect(errors).toBeUndefined();
    const registered = Date.now();
    await eventually(() => expect(live.received).toHaveLength(1), 30_000, 20);
    process.stdout.write(`registered on one api → subscription on the other: ${Date.now() - registered} ms\n`);
    expect(live.received[0].data).toEqual({
      activityChanged: {
        activityId: data!.registerActivity.id,
        change: 'ActivityRegistered',
        activity: { title: 'Social cash transfers in Mchinji' },
      },
    });
    await live.close();
  });
});
