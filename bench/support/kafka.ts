import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type logCreator } from 'kafkajs';
import type { Cleanup } from './cleanup';

const run = promisify(execFile);

export interface BenchKafka {
  brokers: string[];
  /** True when this run started the infra/kafka broker (and stops it at the end). */
  startedByBench: boolean;
  topicPrefix: string;
  kafka: Kafka;
}

/**
 * kafkajs logs go to stderr (stdout is the JSON); only errors, the rest is noise in a benchmark.
 * `Connection` errors are left out: they are retriable protocol answers (a coordinator still
 * loading right after the broker started) that kafkajs retries and reports higher up if it gives up.
 */
const stderrLogger: logCreator =
  () =>
  ({ namespace, level, log }) => {
    if (level > logLevel.ERROR || namespace === 'Connection') return;
    const { message, ...rest } = log;
    process.stderr.write(`kafkajs ${namespace}: ${message} ${JSON.stringify(rest)}\n`);
  };

/**
 * KAFKA_BROKERS if set; otherwise the infra/kafka broker on ports 29092/29093 with its own
 * KAFKA_HOME_DIR (.data/kafka-bench), reset and started here and stopped by the cleanup.
 */
export async function benchKafka(
  root: string,
  cleanup: Cleanup,
  progress: (message: string) => void,
): Promise<BenchKafka> {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  let brokers = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  let startedByBench = false;
  if (!brokers.length) {
    const env = {
      ...process.env,
      KAFKA_HOME_DIR: join(root, '.data', 'kafka-bench'),
      KAFKA_PORT: process.env.BENCH_KAFKA_PORT || '29092',
      KAFKA_CONTROLLER_PORT: process.env.BENCH_KAFKA_CONTROLLER_PORT || '29093',
    };
    const script = join(root, 'infra', 'kafka', 'kafka.sh');
    const kafkaSh = async (command: string) => {
      try {
        await run('bash', [script, command], { env, maxBuffer: 10 * 1024 * 1024 });
      } catch (error) {
        const { stderr } = error as { stderr?: string };
        throw new Error(`infra/kafka/kafka.sh ${command} failed: ${stderr?.trim() || (error as Error).message}`, {
          cause: error,
        });
      }
    };
    progress(`kafka: starting infra/kafka broker on 127.0.0.1:${env.KAFKA_PORT} (KAFKA_HOME_DIR=.data/kafka-bench)`);
    // The stop is registered first, so a start that fails half-way is stopped too.
    cleanup.add('stop kafka broker', () => kafkaSh('stop'));
    await kafkaSh('reset');
    await kafkaSh('start');
    startedByBench = true;
    brokers = [`127.0.0.1:${env.KAFKA_PORT}`];
  }
  const kafka = new Kafka({
    clientId: 'concord-bench',
    brokers,
    logLevel: logLevel.ERROR,
    logCreator: stderrLogger,
  });
  return { brokers, startedByBench, kafka, topicPrefix: `bench-${randomBytes(4).toString('hex')}.` };
}
