// Subscription delivery in distributed mode: activities registered through one api runtime reach
// graphql-ws subscribers of another api runtime through Kafka, once a worker process has projected
// them; latency from the event's time to the client receiving it.
import { CONTEXTS } from '@concord/composition';
import { newId, systemActor } from '@concord/kernel';
import { createHttpApp, createLogger, loadConfig, mintToken, startRuntime } from '@concord/platform';
import { activityAggregate } from '@concord/programming';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import type { Cleanup } from './cleanup';
import { benchKafka } from './kafka';
import { distribution, until, type Distribution } from './stats';

export interface LiveDeliveryOptions {
  databaseUrl: string;
  /** Subscribers, each to one country's activityChanged. */
  subscribers: number;
  countries: string[];
  /** Phases, one after the other: activities registered one at a time at a steady rate. */
  phases: { writes: number; writesPerSecond: number }[];
}

export interface LiveDeliveryResult {
  writesPerSecond: number;
  deliveries: number;
  expected: number;
  latencyMs: Distribution;
}

const ACTIVITY_CHANGED = `subscription ($country: String!) { activityChanged(country: $country) {
  activityId change occurredAt activity { title } } }`;

export async function measureLiveDelivery(
  options: LiveDeliveryOptions,
  root: string,
  cleanup: Cleanup,
  progress: (message: string) => void,
): Promise<LiveDeliveryResult[]> {
  const kafka = await benchKafka(root, cleanup, progress);
  const env = {
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: kafka.brokers.join(','),
    KAFKA_TOPIC_PREFIX: kafka.topicPrefix,
    PORT: '0',
    WORKER_PORT: '0',
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig(env);
  // Only what is written from here on goes through Kafka: the relay starts at the store's head.
  const pg = new Client({ connectionString: options.databaseUrl });
  await pg.connect();
  await pg
    .query(
      `INSERT INTO event_log_checkpoints (name, tx_id, position)
       SELECT 'relay', tx_id, position FROM events ORDER BY tx_id DESC, position DESC LIMIT 1
       ON CONFLICT (name) DO UPDATE SET tx_id = EXCLUDED.tx_id, position = EXCLUDED.position`,
    )
    .finally(() => pg.end());
  const writer = await startRuntime(config, CONTEXTS, { api: true, worker: false }, createLogger('warn'));
  cleanup.add('close the writing runtime', () => writer.close());
  await startWorkerProcess(root, env, cleanup);
  const reader = await startRuntime(config, CONTEXTS, { api: true, worker: false }, createLogger('warn'));
  cleanup.add('close the subscription runtime', () => reader.close());
  const app = await createHttpApp(reader, { api: true, worker: false });
  cleanup.add('close the subscription server', () => app.close());
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1').replace(/^http/, 'ws');
  const token = await mintToken({ sub: 'bench', roles: ['viewer'] }, config.auth);

  progress(`live updates: ${options.subscribers} graphql-ws subscribers on a second api runtime…`);
  let latencies: number[] = [];
  const subscribedTo: string[] = [];
  for (let i = 0; i < options.subscribers; i++) {
    const country = options.countries[i % options.countries.length];
    subscribedTo.push(country);
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    cleanup.add(`close subscriber ${i}`, () => client.dispose());
    client.subscribe<{ activityChanged: { occurredAt: string } }>(
      { query: ACTIVITY_CHANGED, variables: { country } },
      {
        next: ({ data }) => latencies.push(Date.now() - Date.parse(data!.activityChanged.occurredAt)),
        error: (error) => progress(`subscriber ${i} failed: ${JSON.stringify(error)}`),
        complete: () => undefined,
      },
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // the subscribe messages follow the handshakes

  const results: LiveDeliveryResult[] = [];
  for (const { writes, writesPerSecond } of options.phases) {
    progress(`live updates: ${writes} activities registered at ${writesPerSecond}/s through the first runtime…`);
    latencies = [];
    let expected = 0;
    const started = Date.now();
    for (let i = 0; i < writes; i++) {
      const due = started + (i * 1000) / writesPerSecond;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      const country = options.countries[i % options.countries.length];
      expected += subscribedTo.filter((c) => c === country).length;
      await writer.commands.run(activityAggregate, {
        streamId: newId(),
        command: {
          type: 'RegisterActivity',
          data: {
            titles: { en: `Live bench activity ${writesPerSecond}/s ${i}` },
            organisation: 'UNICEF',
            country,
            policyAreas: ['LNOB_INCLUSION'],
            start: '2026-01-01',
            end: '2027-12-31',
            status: 'PIPELINE',
          },
        },
        actor: systemActor,
        correlationId: newId(),
      });
    }
    await until(async () => latencies.length >= expected, 120_000, 'every subscriber to receive its changes', 50).catch(
      (error: Error) => progress(`live updates: ${error.message} (${latencies.length} of ${expected})`),
    );
    const latencyMs = distribution(latencies);
    progress(
      `  ${latencies.length}/${expected} delivered; p50 ${latencyMs.p50} ms, p99 ${latencyMs.p99} ms from append to client`,
    );
    results.push({ writesPerSecond, deliveries: latencies.length, expected, latencyMs });
  }
  return results;
}

/** The worker (projections, duplication detector) as its own OS process, as operators run it. */
async function startWorkerProcess(root: string, env: Record<string, string>, cleanup: Cleanup): Promise<void> {
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', 'worker', 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  cleanup.add('stop the worker process', async () => {
    child.kill('SIGTERM');
    await exited;
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/worker ready/.test(output)) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => reject(new Error(`the worker exited with ${String(code)}:\n${output}`)));
  });
}
