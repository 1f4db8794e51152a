// `npm run bench -- eventing`: the write path, the relay, the projections and the end-to-end
// latency of the eventing platform against a real Postgres and a real Kafka broker, each next to a
// raw baseline of the same size (pg INSERTs, kafkajs produce/consume). See docs/benchmarks.md.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import {
  CommandRunner,
  CommittedEvents,
  EventStore,
  EventStore1763900000000,
  KafkaEventLog,
  KafkaRelay,
  LOG_START,
  ProjectionRunner,
  ensureTopics,
  type EventEnvelope,
  type LogPosition,
} from '@concord/eventing';
import { openDatabase } from '@concord/platform';
import type { Message } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { check, round, type BenchContext, type BenchReport, type Benchmark, type SummaryRow } from './support/bench';
import { benchKafka } from './support/kafka';
import { createThrowawayDatabase } from './support/postgres';
import { closedLoop, distribution, now, throughput, until, type Throughput } from './support/stats';
import {
  BENCH_CONTEXT,
  BENCH_EVENT_TYPE,
  BENCH_STREAM_TYPE,
  BenchCommandModule,
  BenchTables1799999999000,
  IncrementBenchCounter,
  MEMO,
  RAW_TABLE,
  benchActor,
  benchAggregate,
  benchProjection,
  benchRegistry,
} from './eventing/bench-stream';

const CONFIG = {
  /** openDatabase's default pool for a Postgres server (what api and worker run with). */
  poolSize: 20,
  warmupCommands: 200,
  oneWriterCommands: 2_000,
  writers: 8,
  commandsPerWriter: 1_000,
  /** Commands go round-robin over streams so every stream ends with this many events. */
  eventsPerStream: 5,
  relayEvents: 20_000,
  /** KafkaRelay's default batch size; the raw producer baseline sends batches of the same size. */
  relayBatchSize: 500,
  produceWarmupMessages: 2_000,
  projectionBatchSize: 500,
  projectionWarmupEvents: 1_000,
  partitions: 6,
  latency: { ratePerSecond: 500, warmupSeconds: 1, seconds: 10, streams: 1_000, drainTimeoutMs: 30_000 },
  targets: { appendsVsRawAt8: 0.5, projectionEventsPerSecond: 5_000, latencyP99Ms: 500 },
};

export const benchmark: Benchmark = {
  name: 'eventing',
  description:
    'appends vs raw INSERTs, relay vs raw produce/consume, projections, append-to-read-model latency (Postgres + Kafka)',
  run,
};

async function run({ root, progress, cleanup }: BenchContext): Promise<BenchReport> {
  const notes: string[] = [];
  const results: Record<string, unknown> = {};

  // ---------------------------------------------------------------- setup
  const pg = await createThrowawayDatabase(cleanup);
  progress(`postgres ${pg.serverVersion}: created database ${pg.name}`);
  const database = await openDatabase(
    { url: pg.url, poolSize: CONFIG.poolSize },
    { entities: [], migrations: [EventStore1763900000000, BenchTables1799999999000] },
  );
  cleanup.add('close database pool', () => database.close());
  const ds = database.dataSource;
  const registry = benchRegistry();
  const store = new EventStore(ds, registry);
  const runner = new CommandRunner(store);
  const nest = await NestFactory.createApplicationContext(BenchCommandModule.forRunner(runner), { logger: false });
  cleanup.add('close nest application context', () => nest.close());
  const bus = nest.get(CommandBus);

  const k = await benchKafka(root, cleanup, progress);
  const { kafka, topicPrefix } = k;
  const admin = kafka.admin();
  await admin.connect();
  cleanup.add('disconnect kafka admin', () => admin.disconnect());
  // Right after a broker start, kafkajs' waitForLeaders can see "does not host this topic-partition"
  // for a topic just created; both steps are idempotent, so they are retried.
  const topics = await retry('create the event topics', () =>
    ensureTopics(admin, registry.allContexts, { topicPrefix, partitions: CONFIG.partitions, replicationFactor: 1 }),
  );
  const eventTopic = topics[0];
  const rawTopic = `${topicPrefix}raw.v1`;
  await retry('create the raw topic', () =>
    admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: rawTopic, numPartitions: CONFIG.partitions, replicationFactor: 1 }],
    }),
  );
  if (!k.startedByBench) {
    // A shared broker: do not leave the run's topics behind (a broker we started is reset next time).
    cleanup.add('delete bench topics', async () => {
      const deleter = kafka.admin();
      await deleter.connect();
      await deleter.deleteTopics({ topics: [...topics, rawTopic] }).finally(() => deleter.disconnect());
    });
  }
  progress(`kafka ${k.brokers.join(',')}: topics ${eventTopic}, ${rawTopic} (${CONFIG.partitions} partitions)`);

  const command = (streamId: string, i: number, commandId?: string) =>
    bus.execute<IncrementBenchCounter, unknown>(new IncrementBenchCounter(streamId, 1, `bench-${i}`, commandId));
  const streams = (n: number) => Array.from({ length: n }, () => randomUUID());
  const streamsFor = (commands: number) => streams(commands / CONFIG.eventsPerStream);

  // ---------------------------------------------------------------- 1. appends
  const { writers, commandsPerWriter, oneWriterCommands, warmupCommands } = CONFIG;
  progress(`appends: warm-up ${warmupCommands} commands`);
  const warm = streamsFor(warmupCommands);
  await closedLoop(2, warmupCommands / 2, (w, i) => command(warm[((w * warmupCommands) / 2 + i) % warm.length], i));

  progress(`appends: 1 writer × ${oneWriterCommands} commands through the Nest CommandBus`);
  const one = streamsFor(oneWriterCommands);
  const appends1 = await closedLoop(1, oneWriterCommands, (_, i) => command(one[i % one.length], i));

  progress(`appends: ${writers} writers × ${commandsPerWriter} commands through the Nest CommandBus`);
  const eight = Array.from({ length: writers }, () => streamsFor(commandsPerWriter));
  const appends8 = await closedLoop(writers, commandsPerWriter, (w, i) => command(eight[w][i % eight[w].length], i));

  progress(`appends: ${writers} writers × ${commandsPerWriter} commands straight to CommandRunner.run (no Nest)`);
  const direct = Array.from({ length: writers }, () => streamsFor(commandsPerWriter));
  const appends8Direct = await closedLoop(writers, commandsPerWriter, (w, i) =>
    runner.run(benchAggregate, {
      streamId: direct[w][i % direct[w].length],
      command: { type: 'Increment', data: { by: 1 } },
      actor: benchActor,
      correlationId: `bench-${i}`,
    }),
  );

  progress(`appends: ${writers} writers × ${commandsPerWriter} commands with a client commandId (idempotency)`);
  const withId = Array.from({ length: writers }, () => streamsFor(commandsPerWriter));
  const appends8CommandId = await closedLoop(writers, commandsPerWriter, (w, i) =>
    command(withId[w][i % withId[w].length], i, randomUUID()),
  );
  results.appendsPerSecond = {
    writers1: appends1,
    writers8: appends8,
    writers8DirectCommandRunner: appends8Direct,
    writers8WithCommandId: appends8CommandId,
  };

  // ---------------------------------------------------------------- 2. raw INSERT baseline
  const metadataJson = JSON.stringify({ actor: benchActor, correlationId: 'bench-0' });
  const dataJson = JSON.stringify({ by: 1, memo: MEMO });
  const rawClients = await Promise.all(
    Array.from({ length: writers }, async () => {
      const client = new Client({ connectionString: pg.url });
      await client.connect();
      return client;
    }),
  );
  cleanup.add('close raw pg clients', () => Promise.all(rawClients.map((c) => c.end())));
  const rawInsert = (client: Client, streamId: string, version: number) =>
    client
      .query('BEGIN')
      .then(() =>
        client.query(
          `INSERT INTO ${RAW_TABLE} (event_id, stream_type, stream_id, version, type, schema_version, occurred_at, data, metadata)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [randomUUID(), BENCH_STREAM_TYPE, streamId, version, BENCH_EVENT_TYPE, 1, new Date(), dataJson, metadataJson],
        ),
      )
      .then(() => client.query('COMMIT'));
  const rawLoop = (clients: number, perClient: number) => {
    const sets = Array.from({ length: clients }, () => streamsFor(perClient));
    return closedLoop(clients, perClient, (w, i) =>
      rawInsert(rawClients[w], sets[w][i % sets[w].length], Math.floor(i / sets[w].length) + 1),
    );
  };
  progress(
    `raw pg: warm-up ${warmupCommands}, then 1 client × ${oneWriterCommands} and ${writers} × ${commandsPerWriter} INSERT transactions`,
  );
  await rawLoop(2, warmupCommands / 2);
  const raw1 = await rawLoop(1, oneWriterCommands);
  const raw8 = await rawLoop(writers, commandsPerWriter);
  results.rawInsertTransactionsPerSecond = { clients1: raw1, clients8: raw8 };
  await Promise.all(rawClients.map((c) => c.end()));
  await cleanup.runOne('close raw pg clients').catch(() => undefined);

  const appendsVsRaw1 = appends1.perSecond / raw1.perSecond;
  const appendsVsRaw8 = appends8.perSecond / raw8.perSecond;
  progress(
    `appends/s 1 writer ${appends1.perSecond} (raw ${raw1.perSecond}), 8 writers ${appends8.perSecond} (raw ${raw8.perSecond}), ratio@8 ${round(appendsVsRaw8, 2)}`,
  );

  // ---------------------------------------------------------------- 3. relay
  const committed = new CommittedEvents(ds);
  let published = 0;
  const relay = new KafkaRelay(ds, kafka, store, registry, {
    topicPrefix,
    batchSize: CONFIG.relayBatchSize,
    onPublished: (n) => (published += n),
    onError: (error) => progress(`relay error: ${(error as Error).message}`),
  });
  const backlog = await countEvents(ds);
  progress(`relay: warm-up: start it over the ${backlog} events of the append phase`);
  let t = now();
  relay.start();
  cleanup.add('close relay', () => relay.close());
  await until(() => published >= backlog, 60_000, 'the relay to publish the append-phase events');
  const relayWarmup = throughput(backlog, now() - t);

  progress(`relay: ${CONFIG.relayEvents} events committed at once, timing until the relay checkpoint reaches the last`);
  const before: LogPosition = await committed.checkpoint('relay');
  await bulkInsertEvents(ds, CONFIG.relayEvents, metadataJson);
  t = now();
  store.notifications.emit('appended', { streamType: BENCH_STREAM_TYPE, eventIds: [] }); // as an append in this process would
  const lastPosition = await maxPosition(ds);
  await until(
    async () => {
      if (published < backlog + CONFIG.relayEvents) return false;
      return (await committed.checkpoint('relay')).position === lastPosition;
    },
    120_000,
    'the relay checkpoint to reach the last event',
  );
  const relayRun = throughput(CONFIG.relayEvents, now() - t);
  progress(`relay: ${relayRun.perSecond} events/s`);

  // ---------------------------------------------------------------- 4. raw kafkajs baselines
  const { events: bulk } = await committed.readAfter(before, CONFIG.relayEvents);
  if (bulk.length !== CONFIG.relayEvents) throw new Error(`read back ${bulk.length} of ${CONFIG.relayEvents} events`);
  const messages = bulk.map(asKafkaMessage);
  const envelopeBytes = Math.round(messages.reduce((s, m) => s + (m.value as string).length, 0) / messages.length);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  cleanup.add('disconnect raw producer', () => producer.disconnect());
  const produce = async (batch: Message[]) => {
    for (let i = 0; i < batch.length; i += CONFIG.relayBatchSize) {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [{ topic: rawTopic, messages: batch.slice(i, i + CONFIG.relayBatchSize) }],
      });
    }
  };
  progress(
    `raw produce: warm-up ${CONFIG.produceWarmupMessages}, then the same ${messages.length} envelopes in batches of ${CONFIG.relayBatchSize}`,
  );
  await produce(messages.slice(0, CONFIG.produceWarmupMessages));
  t = now();
  await produce(messages);
  const rawProduce = throughput(messages.length, now() - t);
  await cleanup.runOne('disconnect raw producer');

  const rawTotal = messages.length + CONFIG.produceWarmupMessages;
  progress(`raw consume: fresh group from the beginning of ${rawTopic} (${rawTotal} messages)`);
  const rawConsumer = kafka.consumer({ groupId: `${topicPrefix}raw-consume`, allowAutoTopicCreation: false });
  await rawConsumer.connect();
  cleanup.add('disconnect raw consumer', () => rawConsumer.disconnect());
  let rawConsumed = 0;
  let rawFirst: number | undefined;
  t = now();
  await rawConsumer.subscribe({ topics: [rawTopic], fromBeginning: true });
  await rawConsumer.run({
    eachBatch: async ({ batch }) => {
      rawFirst ??= now();
      for (const m of batch.messages) JSON.parse(m.value!.toString('utf8')); // as KafkaEventLog decodes
      rawConsumed += batch.messages.length;
    },
  });
  await until(() => rawConsumed >= rawTotal, 60_000, 'the raw consumer');
  const rawConsume = throughput(rawTotal, now() - rawFirst!);
  const rawConsumeJoinMs = Math.round(rawFirst! - t);
  await cleanup.runOne('disconnect raw consumer');
  progress(
    `raw kafkajs: produce ${rawProduce.perSecond}/s, consume ${rawConsume.perSecond}/s (group join ${rawConsumeJoinMs} ms)`,
  );

  // ---------------------------------------------------------------- 5a. projection, direct
  const directRunner = new ProjectionRunner(ds, { deadLetter: async () => undefined }, 'bench-direct', [
    benchProjection('bench.counters', 'bench_counters'),
  ]);
  const { events: warmEvents } = await committed.readAfter(LOG_START, CONFIG.projectionWarmupEvents);
  progress(
    `projection: warm-up ${warmEvents.length} events, then ProjectionRunner.handle over ${bulk.length} in batches of ${CONFIG.projectionBatchSize}`,
  );
  await handleInBatches(directRunner, warmEvents);
  t = now();
  await handleInBatches(directRunner, bulk);
  const projectionDirect = throughput(bulk.length, now() - t);
  const [directCheck] = await ds.query(`SELECT coalesce(sum(events), 0)::int AS n FROM bench_counters`);
  if (directCheck.n !== warmEvents.length + bulk.length) {
    notes.push(
      `projection check: bench_counters counts ${directCheck.n} events, expected ${warmEvents.length + bulk.length}`,
    );
  }
  progress(`projection: ${projectionDirect.perSecond} events/s`);

  // ---------------------------------------------------------------- 5b. projection fed by Kafka
  const kafkaLog = new KafkaEventLog(kafka, registry, {
    topicPrefix,
    sessionTimeoutMs: 10_000,
    onError: (_, error) => progress(`consumer error: ${(error as Error).message}`),
  });
  cleanup.add('close kafka event log', () => kafkaLog.close());
  const kafkaRunner = new ProjectionRunner(ds, kafkaLog, 'bench-projections', [
    benchProjection('bench.counters-kafka', 'bench_counters_kafka'),
  ]);
  const appliedAt = new Map<string, number>();
  let recording = false;
  let delivered = 0;
  let firstDelivery: number | undefined;
  let batches = 0;
  const inTopic = await countEvents(ds);
  progress(`consumer: KafkaEventLog → ProjectionRunner, fresh group over the ${inTopic} events in ${eventTopic}`);
  t = now();
  await kafkaLog.subscribe({
    groupId: 'bench-projections',
    contexts: [BENCH_CONTEXT],
    handle: async (batch) => {
      firstDelivery ??= now();
      await kafkaRunner.handle(batch);
      if (recording) {
        const at = now();
        for (const event of batch) if (!appliedAt.has(event.eventId)) appliedAt.set(event.eventId, at);
      }
      delivered += batch.length;
      batches++;
    },
  });
  await until(() => delivered >= inTopic, 120_000, 'the Kafka-fed projection to catch up');
  const projectionViaKafka = throughput(inTopic, now() - firstDelivery!);
  const consumerJoinMs = Math.round(firstDelivery! - t);
  const meanKafkaBatch = Math.round(delivered / batches);
  const [kafkaCheck] = await ds.query(`SELECT coalesce(sum(events), 0)::int AS n FROM bench_counters_kafka`);
  if (kafkaCheck.n !== inTopic) notes.push(`Kafka-fed projection counts ${kafkaCheck.n} events, expected ${inTopic}`);
  progress(
    `consumer → projection: ${projectionViaKafka.perSecond} events/s (group join ${consumerJoinMs} ms, mean batch ${meanKafkaBatch})`,
  );

  // ---------------------------------------------------------------- 6. latency at a fixed offered load
  const latencyStreams = streams(CONFIG.latency.streams);
  const openLoop = async (seconds: number) => {
    const intervalMs = 1000 / CONFIG.latency.ratePerSecond;
    const total = Math.round(seconds * CONFIG.latency.ratePerSecond);
    const scheduled = new Array<number>(total);
    const issued = new Array<number>(total);
    const appended = new Array<number>(total);
    const eventIds = new Array<string>(total);
    let errors = 0;
    let firstError: string | undefined;
    const inFlight: Promise<void>[] = [];
    const t0 = now();
    let next = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const due = Math.min(total, Math.floor((now() - t0) / intervalMs) + 1);
        while (next < due) {
          const i = next++;
          scheduled[i] = t0 + i * intervalMs;
          issued[i] = now();
          inFlight.push(
            (command(latencyStreams[i % latencyStreams.length], i) as Promise<{ eventIds: string[] }>).then(
              (result) => {
                appended[i] = now();
                eventIds[i] = result.eventIds[0];
              },
              (error: Error) => {
                errors++;
                firstError ??= error.message;
              },
            ),
          );
        }
        if (next >= total) resolve();
        else setTimeout(tick, 1);
      };
      tick();
    });
    const issuedFor = (issued[total - 1] - t0) / 1000;
    await Promise.all(inFlight);
    const deadline = now() + CONFIG.latency.drainTimeoutMs;
    while (now() < deadline && eventIds.some((id) => id && !appliedAt.has(id))) await sleep(5);
    return {
      total,
      scheduled,
      issued,
      appended,
      eventIds,
      errors,
      firstError,
      offeredPerSecond: (total - 1) / issuedFor,
    };
  };
  progress(`latency: warm-up ${CONFIG.latency.warmupSeconds} s at ${CONFIG.latency.ratePerSecond} commands/s`);
  recording = true;
  await openLoop(CONFIG.latency.warmupSeconds);
  progress(
    `latency: ${CONFIG.latency.seconds} s at ${CONFIG.latency.ratePerSecond} commands/s (open loop, one every ${1000 / CONFIG.latency.ratePerSecond} ms)`,
  );
  const relayBeforeLatency = published;
  const load = await openLoop(CONFIG.latency.seconds);
  recording = false;
  const endToEnd: number[] = [];
  const endToEndFromIssue: number[] = [];
  const appendOnly: number[] = [];
  const generatorLag: number[] = [];
  let notApplied = 0;
  for (let i = 0; i < load.total; i++) {
    generatorLag.push(load.issued[i] - load.scheduled[i]);
    if (load.appended[i] === undefined) continue;
    appendOnly.push(load.appended[i] - load.scheduled[i]);
    const applied = appliedAt.get(load.eventIds[i]);
    if (applied === undefined) {
      notApplied++;
      continue;
    }
    endToEnd.push(applied - load.scheduled[i]);
    endToEndFromIssue.push(applied - load.issued[i]);
  }
  const latency = {
    offeredPerSecondTarget: CONFIG.latency.ratePerSecond,
    offeredPerSecondAchieved: round(load.offeredPerSecond, 1),
    commands: load.total,
    commandErrors: load.errors,
    firstCommandError: load.firstError,
    notAppliedWithinDrainTimeout: notApplied,
    appendToReadModelMs: distribution(endToEnd),
    appendToReadModelFromActualIssueMs: distribution(endToEndFromIssue),
    commandToAppendCommitMs: distribution(appendOnly),
    generatorLagMs: distribution(generatorLag, 2),
  };
  results.latency = latency;
  progress(
    `latency: p50 ${latency.appendToReadModelMs.p50} ms, p99 ${latency.appendToReadModelMs.p99} ms, max ${latency.appendToReadModelMs.max} ms at ${latency.offeredPerSecondAchieved}/s offered`,
  );
  if (published - relayBeforeLatency < load.total)
    notes.push('the relay published fewer events than the latency phase appended');

  // ---------------------------------------------------------------- report
  results.relay = {
    relayEventsPerSecond: relayRun,
    warmupCatchUpIncludingConnect: relayWarmup,
    rawProduceMessagesPerSecond: rawProduce,
    rawConsumeMessagesPerSecond: { ...rawConsume, groupJoinMs: rawConsumeJoinMs },
    relayVsRawProduce: round(relayRun.perSecond / rawProduce.perSecond, 3),
    envelopeBytesMean: envelopeBytes,
    batchSize: CONFIG.relayBatchSize,
  };
  results.projection = {
    projectionEventsPerSecond: projectionDirect,
    viaKafkaEventLog: { ...projectionViaKafka, groupJoinMs: consumerJoinMs, meanBatchSize: meanKafkaBatch },
    viaKafkaVsRawConsume: round(projectionViaKafka.perSecond / rawConsume.perSecond, 3),
  };
  results.ratios = {
    appendsVsRawInserts1: round(appendsVsRaw1, 3),
    appendsVsRawInserts8: round(appendsVsRaw8, 3),
    relayVsRawProduce: round(relayRun.perSecond / rawProduce.perSecond, 3),
    commandBusVsDirectCommandRunner8: round(appends8.perSecond / appends8Direct.perSecond, 3),
  };

  const targets = [
    check('appendsVsRawInsertsAt8Writers', appendsVsRaw8, '>=', CONFIG.targets.appendsVsRawAt8),
    check('projectionEventsPerSecond', projectionDirect.perSecond, '>=', CONFIG.targets.projectionEventsPerSecond),
    check('appendToReadModelP99Ms', latency.appendToReadModelMs.p99, '<', CONFIG.targets.latencyP99Ms),
  ];
  const pass = (name: string) => targets.find((x) => x.name === name)?.pass;
  const rate = (x: Throughput) => x.perSecond;
  const summary: SummaryRow[] = [
    { figure: 'appends/s, 1 writer (CommandBus)', value: rate(appends1), unit: '/s' },
    { figure: 'raw INSERT tx/s, 1 client', value: rate(raw1), unit: '/s' },
    { figure: `appends/s, ${writers} writers (CommandBus)`, value: rate(appends8), unit: '/s' },
    { figure: `raw INSERT tx/s, ${writers} clients`, value: rate(raw8), unit: '/s' },
    {
      figure: `appends / raw at ${writers}`,
      value: round(appendsVsRaw8, 2),
      target: `≥ ${CONFIG.targets.appendsVsRawAt8}`,
      pass: pass('appendsVsRawInsertsAt8Writers'),
    },
    { figure: `appends/s, ${writers} writers, CommandRunner without Nest`, value: rate(appends8Direct), unit: '/s' },
    { figure: `appends/s, ${writers} writers, with commandId`, value: rate(appends8CommandId), unit: '/s' },
    { figure: 'relay events/s', value: rate(relayRun), unit: '/s' },
    { figure: 'raw kafkajs produce msg/s', value: rate(rawProduce), unit: '/s' },
    { figure: 'relay / raw produce', value: round(relayRun.perSecond / rawProduce.perSecond, 2) },
    { figure: 'raw kafkajs consume msg/s', value: rate(rawConsume), unit: '/s' },
    {
      figure: 'projection events/s (ProjectionRunner.handle, batches of 500)',
      value: rate(projectionDirect),
      unit: '/s',
      target: `≥ ${CONFIG.targets.projectionEventsPerSecond}`,
      pass: pass('projectionEventsPerSecond'),
    },
    { figure: 'projection events/s fed by KafkaEventLog', value: rate(projectionViaKafka), unit: '/s' },
    { figure: 'append→read model p50', value: latency.appendToReadModelMs.p50, unit: 'ms' },
    { figure: 'append→read model p95', value: latency.appendToReadModelMs.p95, unit: 'ms' },
    {
      figure: 'append→read model p99',
      value: latency.appendToReadModelMs.p99,
      unit: 'ms',
      target: `< ${CONFIG.targets.latencyP99Ms}`,
      pass: pass('appendToReadModelP99Ms'),
    },
    { figure: 'append→read model max', value: latency.appendToReadModelMs.max, unit: 'ms' },
    { figure: 'offered load achieved', value: latency.offeredPerSecondAchieved, unit: 'commands/s' },
    { figure: 'envelope size (mean JSON)', value: envelopeBytes, unit: 'bytes' },
  ];

  notes.push(
    'Appends go through the real command path: the NestJS CommandBus (@nestjs/cqrs) → a bench command handler → CommandRunner.run (readStream, decide, EventStore.append in one TypeORM transaction). writers8DirectCommandRunner is the same without Nest dispatch.',
    `Writers never share a stream (each writer has its own ${commandsPerWriter / CONFIG.eventsPerStream} streams, round-robin), so there are no optimistic-concurrency retries; every stream ends with ${CONFIG.eventsPerStream} events, for the appends and for the raw INSERTs alike.`,
    'Not apples to apples: an append is a SELECT of the stream (3–5 rows) plus BEGIN/INSERT/COMMIT through TypeORM and the pg Pool (a pool checkout per statement group); the raw baseline is BEGIN/INSERT/COMMIT of a row of the same shape, size, constraints and indexes on a dedicated pg.Client per writer. The difference is the platform overhead the ratio is meant to show.',
    `Relay: started first over the ${backlog} append-phase events (warm-up, producer connect and leader lock included in warmupCatchUpIncludingConnect); the timed run is ${CONFIG.relayEvents} events committed in one INSERT … SELECT while the relay idles, timed from the commit to the checkpoint reaching the last position.`,
    `Raw produce sends exactly the envelopes the relay sent (same keys, headers and bytes) with the relay's producer settings (idempotent, maxInFlightRequests 1, acks -1, ${CONFIG.relayBatchSize} per sendBatch, sequential); it does not read Postgres or save a checkpoint.`,
    'Raw consume and the Kafka-fed projection are timed from the first delivered batch (group join excluded, reported as groupJoinMs); raw consume JSON-parses each message and commits offsets automatically; the Kafka-fed projection commits after each batch as KafkaEventLog does.',
    `The Kafka-fed projection consumes everything in the topic (${inTopic} events: append-phase events with ${CONFIG.eventsPerStream} versions per stream plus the relay-phase events), the direct projection the ${CONFIG.relayEvents} relay-phase events in ${CONFIG.projectionBatchSize}-event batches.`,
    `Latency: distributed mode in one process (relay + KafkaEventLog consumer + ProjectionRunner + command generator share the event loop). Open loop: command i is due at t0 + i × ${1000 / CONFIG.latency.ratePerSecond} ms and is issued without waiting for earlier ones; latency is measured from the due time (no coordinated omission) to the moment the projection's transaction for the batch holding the event committed (handler resolved). appendToReadModelFromActualIssueMs measures from the actual issue time instead.`,
    `Everything runs on the same ${cpus().length} CPUs: Postgres, the Kafka broker JVM and this Node process compete for them.`,
  );
  if (k.startedByBench)
    notes.push('Kafka is the single-node infra/kafka broker started by the bench (KRaft, replication factor 1).');

  return {
    machine: {
      postgres: pg.serverVersion,
      postgresSettings: pg.settings,
      kafkaBrokers: k.brokers.join(','),
      kafkaStartedByBench: k.startedByBench,
      kafkaVersion: k.startedByBench ? kafkaVersion(root) : undefined,
    },
    config: { ...CONFIG, topicPrefix, database: pg.name },
    results,
    targets,
    summary,
    notes,
  };
}

async function handleInBatches(runner: ProjectionRunner, events: EventEnvelope[]): Promise<void> {
  for (let i = 0; i < events.length; i += CONFIG.projectionBatchSize) {
    await runner.handle(events.slice(i, i + CONFIG.projectionBatchSize));
  }
}

/** As the relay's toKafkaMessage (not exported by @concord/eventing): key = streamId, same headers. */
const asKafkaMessage = (event: EventEnvelope): Message => ({
  key: event.streamId,
  value: JSON.stringify(event),
  headers: {
    'event-type': event.type,
    'schema-version': String(event.schemaVersion),
    'stream-type': event.streamType,
    'event-id': event.eventId,
    'correlation-id': event.metadata.correlationId,
  },
});

/** N events of the bench shape in one transaction, over N/10 streams (versions 1..10). */
async function bulkInsertEvents(ds: DataSource, count: number, metadataJson: string): Promise<void> {
  const streams = count / 10;
  const seed = randomUUID();
  await ds.query(
    `INSERT INTO events (event_id, stream_type, stream_id, version, type, schema_version, occurred_at, data, metadata)
     SELECT gen_random_uuid(), $1, md5($2 || (g % $3)::text)::uuid::text, g / $3 + 1, $4, 1, now(),
            jsonb_build_object('by', 1, 'memo', $5::text), $6::jsonb
       FROM generate_series(0, $7 - 1) AS g`,
    [BENCH_STREAM_TYPE, seed, streams, BENCH_EVENT_TYPE, MEMO, metadataJson, count],
  );
}

async function countEvents(ds: DataSource): Promise<number> {
  const [row] = await ds.query(`SELECT count(*)::int AS n FROM events`);
  return row.n;
}

async function maxPosition(ds: DataSource): Promise<string> {
  const [row] = await ds.query(`SELECT max(position)::text AS p FROM events`);
  return row.p;
}

function kafkaVersion(root: string): string | undefined {
  try {
    return /<kafka\.version>([^<]+)</.exec(readFileSync(join(root, 'infra', 'kafka', 'pom.xml'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

async function retry<T>(what: string, attempt: () => Promise<T>, attempts = 10): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= attempts) throw error;
      process.stderr.write(`retrying to ${what}: ${(error as Error).message}\n`);
      await sleep(250 * i);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
