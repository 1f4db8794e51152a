import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { freePortPair } from './free-port';

/** The run's broker and a topic prefix of this test's own, so runs and files never collide. */
export function testKafka(): { brokers: string[]; topicPrefix: string; kafka: Kafka } {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (!brokers.length) throw new Error('No KAFKA_BROKERS: test/support/global-setup.js should have provided a broker');
  const topicPrefix = `test-${process.env.CONCORD_TEST_RUN}-${randomBytes(3).toString('hex')}.`;
  return { brokers, topicPrefix, kafka: new Kafka({ clientId: 'concord-test', brokers, logLevel: logLevel.NOTHING }) };
}

/**
 * A broker of the test's own (infra/kafka), for fault tests that stop and restart it without
 * disturbing the suites that share the run's broker. Starting and stopping are asynchronous: a
 * test's HTTP clients must go on meanwhile (a blocked event loop leaves their keep-alive sockets
 * idle past the server's timeout, and the next request on one fails with "other side closed").
 */
export async function dedicatedBroker(name: string) {
  const port = await freePortPair(19_200);
  const root = join(__dirname, '..', '..');
  const env = {
    ...process.env,
    KAFKA_LIBS_DIR: join(root, '.data', 'kafka-libs'),
    KAFKA_HOME_DIR: join(root, '.data', `kafka-${name}-${process.env.CONCORD_TEST_RUN}`),
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(port + 1),
  };
  const run = async (command: string): Promise<void> => {
    await promisify(execFile)('bash', [join(root, 'infra', 'kafka', 'kafka.sh'), command], { env });
  };
  return {
    brokers: [`127.0.0.1:${port}`],
    start: () => run('start'),
    stop: () => run('stop'),
    /** Stops it and deletes its data. */
    remove: async () => {
      await run('stop');
      await rm(env.KAFKA_HOME_DIR, { recursive: true, force: true });
    },
  };
}
