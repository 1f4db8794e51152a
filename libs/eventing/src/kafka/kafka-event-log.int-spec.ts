import { newId } from '@concord/kernel';
import { createTestDatabase, eventually, testKafka } from '@concord/test-support';
import { CommandRunner } from '../command/command-runner';
import { EventStore1763900000000 } from '../migrations/1763900000000-event-store';
import { KafkaRelay } from '../relay/kafka-relay';
import { EventStore } from '../store/event-store';
import { deadLetterTopicName } from '../event-registry';
import { counterRegistry, testActor } from '../testing/counter.fixture';
import { eventLogContract } from '../testing/event-log.contract';
import { KafkaEventLog } from './kafka-event-log';
import { fromKafkaMessage, header } from './kafka-message';
import { ensureTopics } from './kafka-topics';

eventLogContract('Kafka', async () => {
  const db = await createTestDatabase({ entities: [], migrations: [EventStore1763900000000] }, { needsServer: true });
  const { kafka, topicPrefix } = testKafka();
  const registry = counterRegistry();
  const store = new EventStore(db.dataSource, registry);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, registry.allContexts, { topicPrefix, partitions: 3, replicationFactor: 1 });
  await admin.disconnect();
  const relay = new KafkaRelay(db.dataSource, kafka, store, registry, { topicPrefix, pollMs: 20 });
  relay.start();
  const open = () => new KafkaEventLog(kafka, registry, { topicPrefix, sessionTimeoutMs: 10_000 });
  const log = open();
  return {
    log,
    runner: new CommandRunner(store),
    reopen: async () => open(),
    close: async () => {
      await log.close();
      await relay.close();
      await db.close();
    },
  };
});

describe('Kafka dead-letter topic', () => {
  it('parks an event on the dead-letter topic with the consumer group and the error', async () => {
    const { kafka, topicPrefix } = testKafka();
    const registry = counterRegistry();
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, registry.allContexts, { topicPrefix, partitions: 1, replicationFactor: 1 });
    await admin.disconnect();
    const log = new KafkaEventLog(kafka, registry, { topicPrefix });
    const event = {
      eventId: newId(),
      type: 'CounterIncremented',
      schemaVersion: 1,
      streamType: 'Counter',
      streamId: newId(),
      version: 3,
      occurredAt: new Date().toISOString(),
      data: { by: 13 },
      metadata: { actor: testActor, correlationId: 'dlq-1' },
      position: '42',
    };
    await log.deadLetter('some-projections', event, 'poison increment');

    const parked: { value: unknown; headers: Record<string, string | undefined> }[] = [];
    const consumer = kafka.consumer({ groupId: `${topicPrefix}dlq-reader` });
    await consumer.connect();
    await consumer.subscribe({ topic: deadLetterTopicName(topicPrefix), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        parked.push({
          value: fromKafkaMessage(message),
          headers: { group: header(message.headers, 'consumer-group'), error: header(message.headers, 'error') },
        });
      },
    });
    await eventually(() => expect(parked).toHaveLength(1), 20_000);
    expect(parked[0]).toEqual({ value: event, headers: { group: 'some-projections', error: 'poison increment' } });
    await consumer.disconnect();
    await log.close();
  });
});
