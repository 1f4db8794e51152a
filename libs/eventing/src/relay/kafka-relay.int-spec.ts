import { newId } from '@concord/kernel';
import { createTestDatabase, eventually, testKafka, type TestDatabase } from '@concord/test-support';
import type { Consumer, Kafka } from 'kafkajs';
import { CommandRunner } from '../command/command-runner';
import type { EventEnvelope } from '../envelope';
import { deadLetterTopicName, topicName } from '../event-registry';
import { fromKafkaMessage, header } from '../kafka/kafka-message';
import { ensureTopics } from '../kafka/kafka-topics';
import { EventStore1763900000000 } from '../migrations/1763900000000-event-store';
import { EventStore } from '../store/event-store';
import { counterAggregate, counterRegistry, testActor } from '../testing/counter.fixture';
import { KafkaRelay } from './kafka-relay';

describe('Kafka relay (real Postgres, real Kafka)', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let topicPrefix: string;
  let store: EventStore;
  let relay: KafkaRelay;
  let consumer: Consumer;
  const published: (EventEnvelope & { partition: number; headers: Record<string, string | undefined> })[] = [];
  const registry = counterRegistry();

  beforeAll(async () => {
    db = await createTestDatabase({ entities: [], migrations: [EventStore1763900000000] }, { needsServer: true });
    ({ kafka, topicPrefix } = testKafka());
    store = new EventStore(db.dataSource, registry);
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, registry.allContexts, { topicPrefix, partitions: 4, replicationFactor: 1 });
    await admin.disconnect();
    consumer = kafka.consumer({ groupId: `${topicPrefix}observer` });
    await consumer.connect();
    await consumer.subscribe({ topic: topicName(topicPrefix, 'counters'), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        published.push({
          ...fromKafkaMessage(message),
          partition,
          headers: {
            type: header(message.headers, 'event-type'),
            correlation: header(message.headers, 'correlation-id'),
          },
        });
      },
    });
    relay = new KafkaRelay(db.dataSource, kafka, store, registry, { topicPrefix, pollMs: 20 });
    relay.start();
  });

  afterAll(async () => {
    await consumer.disconnect();
    await relay.close();
    await db.close();
  });

  it('bootstraps one topic per context and a dead-letter topic, with partitions and infinite retention', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const topics = [topicName(topicPrefix, 'counters'), deadLetterTopicName(topicPrefix)];
    const { topics: described } = await admin.fetchTopicMetadata({ topics });
    expect(described.map((t) => t.partitions.length)).toEqual([4, 4]);
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({ type: 2, name, configNames: ['retention.ms'] })),
    });
    expect(configs.resources.map((r) => r.configEntries[0].configValue)).toEqual(['-1', '-1']);
    // Ensuring again is a no-op, not an error.
    await expect(
      ensureTopics(admin, ['counters'], { topicPrefix, partitions: 4, replicationFactor: 1 }),
    ).resolves.toHaveLength(2);
    await admin.disconnect();
  });

  it('publishes every event exactly once, keyed by stream, in per-stream order, with 8 concurrent writers', async () => {
    const runner = new CommandRunner(store);
    const streams = Array.from({ length: 16 }, () => newId());
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 40; i++) {
          await runner.run(counterAggregate, {
            streamId: streams[(w * 7 + i) % streams.length],
            command: { type: 'Increment', data: { by: 1 } },
            actor: testActor,
            correlationId: `w${w}-${i}`,
          });
        }
      }),
    );
    const mine = () => published.filter((e) => streams.includes(e.streamId));
    await eventually(() => expect(mine()).toHaveLength(320), 30_000);
    expect(new Set(mine().map((e) => e.eventId)).size).toBe(320);
    for (const stream of streams) {
      const events = mine().filter((e) => e.streamId === stream);
      expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
      expect(new Set(events.map((e) => e.partition)).size).toBe(1);
    }
    expect(mine()[0].headers).toEqual({ type: 'CounterIncremented', correlation: expect.stringMatching(/^w\d-\d+$/) });
  });

  it('never skips an event whose transaction commits after a later position was published', async () => {
    const slow = newId();
    const fast = newId();
    const tx = db.dataSource.createQueryRunner();
    await tx.connect();
    await tx.startTransaction();
    // The slow writer takes a position first, then stays uncommitted…
    await tx.query(
      `INSERT INTO events (event_id, stream_type, stream_id, version, type, schema_version, occurred_at, data, metadata)
       VALUES ($1, 'Counter', $2, 1, 'CounterIncremented', 1, now(), '{"by":1}', $3)`,
      [newId(), slow, JSON.stringify({ actor: testActor, correlationId: 'slow' })],
    );
    // …while a fast writer commits a later position.
    await new CommandRunner(store).run(counterAggregate, {
      streamId: fast,
      command: { type: 'Increment', data: { by: 1 } },
      actor: testActor,
      correlationId: 'fast',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(published.some((e) => e.streamId === slow)).toBe(false);
    await tx.commitTransaction();
    await tx.release();
    await eventually(() => {
      expect(published.filter((e) => e.streamId === slow)).toHaveLength(1);
      expect(published.filter((e) => e.streamId === fast)).toHaveLength(1);
    }, 15_000);
  });

  it('hands leadership over when the leader stops: one relay at a time, nothing lost', async () => {
    const second = new KafkaRelay(db.dataSource, kafka, store, registry, { topicPrefix, pollMs: 20 });
    second.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([relay.isLeader, second.isLeader].filter(Boolean)).toHaveLength(1);
    await relay.close();
    await eventually(() => expect(second.isLeader).toBe(true), 10_000);
    const stream = newId();
    await new CommandRunner(store).run(counterAggregate, {
      streamId: stream,
      command: { type: 'Increment', data: { by: 1 } },
      actor: testActor,
      correlationId: 'after-handover',
    });
    await eventually(() => expect(published.filter((e) => e.streamId === stream)).toHaveLength(1), 15_000);
    relay = second; // closed in afterAll
  });
});
