import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

/** The run's broker and a topic prefix of this test's own, so runs and files never collide. */
export function testKafka(): { brokers: string[]; topicPrefix: string; kafka: Kafka } {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (!brokers.length) throw new Error('No KAFKA_BROKERS: test/support/global-setup.js should have provided a broker');
  const topicPrefix = `test-${process.env.CONCORD_TEST_RUN}-${randomBytes(3).toString('hex')}.`;
  return { brokers, topicPrefix, kafka: new Kafka({ clientId: 'concord-test', brokers, logLevel: logLevel.NOTHING }) };
}
