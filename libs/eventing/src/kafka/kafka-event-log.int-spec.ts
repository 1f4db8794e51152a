import { createTestDatabase, testKafka } from '@concord/test-support';
import { CommandRunner } from '../command/command-runner';
import { EventStore1763900000000 } from '../migrations/1763900000000-event-store';
import { KafkaRelay } from '../relay/kafka-relay';
import { EventStore } from '../store/event-store';
import { counterRegistry } from '../testing/counter.fixture';
import { eventLogContract } from '../testing/event-log.contract';
import { KafkaEventLog } from './kafka-event-log';
import { ensureTopics } from './kafka-topics';

eventLogContract('Kafka', async () => {
  const db = await createTestDatabase({ entities: [], migrations: [EventStore1763900000000] });
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
