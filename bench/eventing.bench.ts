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
  ProjectionRunner,
  ensureTopics,
  toKafkaMessage,
  type AppendResult,
  type EventEnvelope,
  type LogPosition,
} from '@concord/eventing';
import { openDatabase } from '@concord/platform';
import type { Message } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { check, round, type BenchContext, type BenchReport, type Benchmark, type SummaryRow } from './support/bench';
import { cpuMeter } from './support/cpu';
import { benchKafka } from './support/kafka';
import { createThrowawayDatabase } from './support/postgres';
import { closedLoop, distribution, median, now, throughput, timed, until } from './support/stats';
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
  /** Appends and raw INSERTs are measured in alternating pairs this many times; figures are medians. */
  rounds: 3,
  /** Commands go round-robin over streams so every stream ends with this many events per round. */
  eventsPerStream: 5,
  relayWarmupEvents: 5_000,
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

const INSERT_EVENT = (table: string) =>
  `INSERT INTO ${table} (event_id, stream_type, stream_id, version, type, schema_version, occurred_at, data, metadata)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
const SELECT_STREAM = `SELECT * FROM events WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3`;

async function run({ root, progress, cleanup }: BenchContext): Promise<BenchReport> {
  const notes: string[] = [];
  const results: Record<string, unknown> = {};
  const diagnostics: Record<string, unknown> = {};
  const { writers, commandsPerWriter, oneWriterCommands, warmupCommands, rounds } = CONFIG;

  // ---------------------------------------------------------------- setup (Postgres)
  const pg = await createThrowawayDatabase(cleanup);
  progress(`postgres ${pg.serverVersion}: created database ${pg.name}`);
  const database = await openDatabase(
    { url: pg.url, poolSize: CONFIG.poolSize },
    { entities: [], migrations: [EventStore1763900000000, BenchTables1799999999000] },
  );
  cleanup.add('close database pool', () => database.close());
  const ds = database.dataSource;
  const [{ n: otherSessions }] = await ds.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname IS DISTINCT FROM current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
  );
  const registry = benchRegistry();
  const store = new EventStore(ds, registry);
  const runner = new CommandRunner(store);
  const nest = await NestFactory.createApplicationContext(BenchCommandModule.forRunner(runner), { logger: false });
  cleanup.add('close nest application context', () => nest.close());
  const bus = nest.get(CommandBus);
  const command = (streamId: string, i: number, commandId?: string) =>
    bus.execute<IncrementBenchCounter, AppendResult>(new IncrementBenchCounter(streamId, 1, `bench-${i}`, commandId));
  const streams = (n: number) => Array.from({ length: n }, () => randomUUID());
  /** Per writer, its own streams: `perWriter` commands round-robin, `eventsPerStream` each. */
  const writerStreams = (count: number, perWriter: number) =>
    Array.from({ length: count }, () => streams(perWriter / CONFIG.eventsPerStream));

  const rawClients = await Promise.all(
    Array.from({ length: writers }, async () => {
      const client = new Client({ connectionString: pg.url });
      await client.connect();
      return client;
    }),
  );
  cleanup.add('close raw pg clients', () => Promise.all(rawClients.map((c) => c.end())));
  const metadataJson = JSON.stringify({ actor: benchActor, correlationId: 'bench-0' });
  const dataJson = JSON.stringify({ by: 1, memo: MEMO });
  const rawRow = (streamId: string, version: number) => [
    randomUUID(),
    BENCH_STREAM_TYPE,
    streamId,
    version,
    BENCH_EVENT_TYPE,
    1,
    new Date(),
    dataJson,
    metadataJson,
  ];

  // ---------------------------------------------------------------- 1 + 2. appends vs raw INSERTs
  const appendsLoop = (count: number, perWriter: number) => {
    const sets = writerStreams(count, perWriter);
    return closedLoop(count, perWriter, (w, i) => command(sets[w][i % sets[w].length], i));
  };
  const rawLoop = (count: number, perWriter: number) => {
    const sets = writerStreams(count, perWriter);
    return closedLoop(count, perWriter, async (w, i) => {
      const client = rawClients[w];
      await client.query('BEGIN');
      await client.query(
        INSERT_EVENT(RAW_TABLE),
        rawRow(sets[w][i % sets[w].length], Math.floor(i / sets[w].length) + 1),
      );
      await client.query('COMMIT');
    });
  };
  progress(`appends: warm-up ${warmupCommands} commands and ${warmupCommands} raw INSERTs`);
  await appendsLoop(2, warmupCommands / 2);
  await rawLoop(2, warmupCommands / 2);

  type Loop = Awaited<ReturnType<typeof appendsLoop>>;
  const pairs: { one: { appends: Loop; raw: Loop }; eight: { appends: Loop; raw: Loop } }[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so drift (table growth, checkpoints, neighbours) hits both alike.
    const pair = async (count: number, perWriter: number) => {
      if (r % 2 === 0) {
        const raw = await rawLoop(count, perWriter);
        return { raw, appends: await appendsLoop(count, perWriter) };
      }
      const appends = await appendsLoop(count, perWriter);
      return { appends, raw: await rawLoop(count, perWriter) };
    };
    progress(
      `appends vs raw, round ${r + 1}/${rounds}: 1 × ${oneWriterCommands} and ${writers} × ${commandsPerWriter}, each way`,
    );
    const one = await pair(1, oneWriterCommands);
    const eight = await pair(writers, commandsPerWriter);
    pairs.push({ one, eight });
    progress(
      `  1 writer: appends ${one.appends.perSecond}/s, raw ${one.raw.perSecond}/s; ${writers} writers: appends ${eight.appends.perSecond}/s, raw ${eight.raw.perSecond}/s`,
    );
  }
  const summarise = (loops: Loop[]) => ({
    perSecond: median(loops.map((l) => l.perSecond)),
    rounds: loops,
  });
  const appends1 = summarise(pairs.map((p) => p.one.appends));
  const appends8 = summarise(pairs.map((p) => p.eight.appends));
  const raw1 = summarise(pairs.map((p) => p.one.raw));
  const raw8 = summarise(pairs.map((p) => p.eight.raw));
  const ratios1 = pairs.map((p) => p.one.appends.perSecond / p.one.raw.perSecond);
  const ratios8 = pairs.map((p) => p.eight.appends.perSecond / p.eight.raw.perSecond);
  const appendsVsRaw1 = median(ratios1);
  const appendsVsRaw8 = median(ratios8);
  results.appendsPerSecond = { writers1: appends1, writers8: appends8 };
  results.rawInsertTransactionsPerSecond = { clients1: raw1, clients8: raw8 };
  progress(
    `appends/raw at ${writers} writers: ${round(appendsVsRaw8, 2)} (median of ${ratios8.map((x) => round(x, 2)).join(', ')})`,
  );

  // Where the difference goes: the command path taken apart, 8 writers, one run each.
  progress(`append-path diagnostics: ${writers} × ${commandsPerWriter} each of 5 variants`);
  const sets = () => writerStreams(writers, commandsPerWriter);
  const s1 = sets();
  const directRunner = await closedLoop(writers, commandsPerWriter, (w, i) =>
    runner.run(benchAggregate, {
      streamId: s1[w][i % s1[w].length],
      command: { type: 'Increment', data: { by: 1 } },
      actor: benchActor,
      correlationId: `bench-${i}`,
    }),
  );
  const s2 = sets();
  const withCommandId = await closedLoop(writers, commandsPerWriter, (w, i) =>
    command(s2[w][i % s2[w].length], i, randomUUID()),
  );
  const s3 = sets();
  const appendWithoutRead = await closedLoop(writers, commandsPerWriter, (w, i) =>
    store.append({
      streamType: BENCH_STREAM_TYPE,
      streamId: s3[w][i % s3[w].length],
      expectedVersion: Math.floor(i / s3[w].length),
      events: [{ type: BENCH_EVENT_TYPE, data: { by: 1, memo: MEMO } }],
      metadata: { actor: benchActor, correlationId: `bench-${i}` },
      occurredAt: new Date(),
    }),
  );
  const s4 = sets();
  const rawReadThenInsert = await closedLoop(writers, commandsPerWriter, async (w, i) => {
    const client = rawClients[w];
    const streamId = s4[w][i % s4[w].length];
    await client.query(SELECT_STREAM.replace('events', RAW_TABLE), [streamId, 0, null]);
    await client.query('BEGIN');
    await client.query(INSERT_EVENT(RAW_TABLE), rawRow(streamId, Math.floor(i / s4[w].length) + 1));
    await client.query('COMMIT');
  });
  const s5 = sets();
  const rawAutocommitInsert = await closedLoop(writers, commandsPerWriter, (w, i) =>
    rawClients[w].query(INSERT_EVENT(RAW_TABLE), rawRow(s5[w][i % s5[w].length], Math.floor(i / s5[w].length) + 1)),
  );
  diagnostics.appendPath8Writers = {
    commandBus: appends8.perSecond,
    commandRunnerWithoutNest: directRunner,
    commandBusWithCommandId: withCommandId,
    eventStoreAppendWithoutRead: appendWithoutRead,
    rawReadThenInsertTransaction: rawReadThenInsert,
    rawInsertTransaction: raw8.perSecond,
    rawSingleStatementInsert: rawAutocommitInsert,
  };
  progress(
    `  CommandRunner without Nest ${directRunner.perSecond}/s, with commandId ${withCommandId.perSecond}/s, append without read ${appendWithoutRead.perSecond}/s, raw read+insert ${rawReadThenInsert.perSecond}/s, raw single-statement insert ${rawAutocommitInsert.perSecond}/s`,
  );

  // ---------------------------------------------------------------- setup (Kafka), after the Postgres-only phases
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

  // ---------------------------------------------------------------- 3. relay
  const committed = new CommittedEvents(ds);
  const appendPhaseEvents = await countEvents(ds);
  // The append-phase events are not relayed (the run stays bounded): the relay starts past them.
  await committed.saveCheckpoint('relay', await lastLogPosition(ds));
  let published = 0;
  let onPublish: ((count: number) => void) | undefined;
  const relay = new KafkaRelay(ds, kafka, store, registry, {
    topicPrefix,
    batchSize: CONFIG.relayBatchSize,
    onPublished: (n) => {
      published += n;
      onPublish?.(n);
    },
    onError: (error) => progress(`relay error: ${(error as Error).message}`),
  });
  progress(`relay: warm-up: ${CONFIG.relayWarmupEvents} events, relay started after their commit`);
  await bulkInsertEvents(ds, CONFIG.relayWarmupEvents, metadataJson);
  const relayWarmup = await timed(CONFIG.relayWarmupEvents, async () => {
    relay.start();
    cleanup.add('close relay', () => relay.close());
    await until(() => published >= CONFIG.relayWarmupEvents, 60_000, 'the relay warm-up');
  });

  progress(`relay: ${CONFIG.relayEvents} events committed at once; timing until the relay checkpoint reaches the last`);
  const before: LogPosition = await committed.checkpoint('relay');
  await bulkInsertEvents(ds, CONFIG.relayEvents, metadataJson);
  const lastPosition = await maxPosition(ds);
  const relayRun = await timed(CONFIG.relayEvents, async () => {
    store.notifications.emit('appended', { streamType: BENCH_STREAM_TYPE, eventIds: [] }); // as an in-process append does
    await until(
      async () =>
        published >= CONFIG.relayWarmupEvents + CONFIG.relayEvents &&
        (await committed.checkpoint('relay')).position === lastPosition,
      120_000,
      'the relay checkpoint to reach the last event',
    );
  });
  progress(`relay: ${relayRun.perSecond} events/s`);

  // ---------------------------------------------------------------- 4. raw kafkajs baselines
  const { events: bulk } = await committed.readAfter(before, CONFIG.relayEvents);
  if (bulk.length !== CONFIG.relayEvents) throw new Error(`read back ${bulk.length} of ${CONFIG.relayEvents} events`);
  const messages = bulk.map(toKafkaMessage);
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
  const rawProduce = await timed(messages.length, () => produce(messages));
  await cleanup.runOne('disconnect raw producer');

  const rawTotal = messages.length + CONFIG.produceWarmupMessages;
  progress(`raw consume: fresh group from the beginning of ${rawTopic} (${rawTotal} messages)`);
  const rawConsumer = kafka.consumer({ groupId: `${topicPrefix}raw-consume`, allowAutoTopicCreation: false });
  await rawConsumer.connect();
  cleanup.add('disconnect raw consumer', () => rawConsumer.disconnect());
  let rawConsumed = 0;
  let rawFirst: number | undefined;
  const subscribedAt = now();
  let rawCpu: ReturnType<typeof cpuMeter> | undefined;
  await rawConsumer.subscribe({ topics: [rawTopic], fromBeginning: true });
  await rawConsumer.run({
    eachBatch: async ({ batch }) => {
      rawFirst ??= now();
      rawCpu ??= cpuMeter();
      for (const m of batch.messages) JSON.parse(m.value!.toString('utf8')); // decoded as KafkaEventLog does
      rawConsumed += batch.messages.length;
    },
  });
  await until(() => rawConsumed >= rawTotal, 60_000, 'the raw consumer');
  const rawConsume = {
    ...throughput(rawTotal, now() - rawFirst!),
    cpu: rawCpu!(),
    groupJoinMs: Math.round(rawFirst! - subscribedAt),
  };
  await cleanup.runOne('disconnect raw consumer');
  progress(
    `raw kafkajs: produce ${rawProduce.perSecond}/s, consume ${rawConsume.perSecond}/s (group join ${rawConsume.groupJoinMs} ms)`,
  );

  // ---------------------------------------------------------------- 5a. projection, direct
  const direct = new ProjectionRunner(ds, { deadLetter: async () => undefined }, 'bench-direct', [
    benchProjection('bench.counters', 'bench_counters'),
  ]);
  const { events: relayWarmEvents } = await committed.readAfter(
    await firstPositionAfter(ds, appendPhaseEvents),
    CONFIG.projectionWarmupEvents,
  );
  progress(
    `projection: warm-up ${relayWarmEvents.length} events, then ProjectionRunner.handle over ${bulk.length} in batches of ${CONFIG.projectionBatchSize}`,
  );
  await inBatches(relayWarmEvents, (batch) => direct.handle(batch));
  const projectionDirect = await timed(bulk.length, () => inBatches(bulk, (batch) => direct.handle(batch)));
  const [directCheck] = await ds.query(`SELECT coalesce(sum(events), 0)::int AS n FROM bench_counters`);
  if (directCheck.n !== relayWarmEvents.length + bulk.length) {
    notes.push(
      `CHECK FAILED: bench_counters counts ${directCheck.n} events, expected ${relayWarmEvents.length + bulk.length}`,
    );
  }
  progress(`projection: ${projectionDirect.perSecond} events/s`);

  // The same read-model change without ProjectionRunner/TypeORM, per event and set-based.
  const projClient = rawClients[0];
  const rawPerEvent = await timed(bulk.length, () =>
    inBatches(bulk, async (batch) => {
      await projClient.query('BEGIN');
      for (const event of batch) {
        await projClient.query(
          `INSERT INTO bench_counters_raw (id, total, events) VALUES ($1, $2, 1)
           ON CONFLICT (id) DO UPDATE SET total = bench_counters_raw.total + $2, events = bench_counters_raw.events + 1`,
          [event.streamId, (event.data as { by: number }).by],
        );
      }
      await projClient.query('COMMIT');
    }),
  );
  await projClient.query('TRUNCATE bench_counters_raw');
  const setBased = await timed(bulk.length, () =>
    inBatches(bulk, async (batch) => {
      const byStream = new Map<string, { by: number; events: number; version: number }>();
      for (const event of batch) {
        const s = byStream.get(event.streamId) ?? { by: 0, events: 0, version: 0 };
        s.by += (event.data as { by: number }).by;
        s.events++;
        s.version = Math.max(s.version, event.version);
        byStream.set(event.streamId, s);
      }
      const ids = [...byStream.keys()];
      const values = [...byStream.values()];
      await projClient.query('BEGIN');
      await projClient.query(
        `SELECT stream_id, version FROM projection_checkpoints WHERE projection = $1 AND stream_id = ANY($2)`,
        ['bench.set-based', ids],
      );
      await projClient.query(
        `INSERT INTO bench_counters_raw (id, total, events)
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
         ON CONFLICT (id) DO UPDATE SET total = bench_counters_raw.total + EXCLUDED.total,
                                        events = bench_counters_raw.events + EXCLUDED.events`,
        [ids, values.map((v) => v.by), values.map((v) => v.events)],
      );
      await projClient.query(
        `INSERT INTO projection_checkpoints (projection, stream_id, version)
         SELECT $1, s, v FROM unnest($2::text[], $3::int[]) AS t(s, v)
         ON CONFLICT (projection, stream_id) DO UPDATE SET version = GREATEST(projection_checkpoints.version, EXCLUDED.version)`,
        ['bench.set-based', ids, values.map((v) => v.version)],
      );
      await projClient.query('COMMIT');
    }),
  );
  diagnostics.projection = {
    projectionRunner: projectionDirect.perSecond,
    rawPgPerEventUpsertsNoCheckpoints: rawPerEvent,
    rawPgSetBasedBatchWithCheckpoints: setBased,
  };
  progress(`  raw pg per-event upserts ${rawPerEvent.perSecond}/s, set-based batch upsert ${setBased.perSecond}/s`);

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
  /** Batches the consumer handled while the latency phase ran: how big, how long, when. */
  let consumerBatches: { size: number; handleMs: number; at: number }[] = [];
  let delivered = 0;
  let firstDelivery: number | undefined;
  let batches = 0;
  let kafkaCpu: ReturnType<typeof cpuMeter> | undefined;
  const inTopic = CONFIG.relayWarmupEvents + CONFIG.relayEvents;
  progress(`consumer: KafkaEventLog → ProjectionRunner, fresh group over the ${inTopic} events in ${eventTopic}`);
  const kafkaSubscribedAt = now();
  await kafkaLog.subscribe({
    groupId: 'bench-projections',
    contexts: [BENCH_CONTEXT],
    handle: async (batch) => {
      firstDelivery ??= now();
      kafkaCpu ??= cpuMeter();
      const handleStarted = now();
      await kafkaRunner.handle(batch);
      if (recording) {
        const at = now();
        for (const event of batch) if (!appliedAt.has(event.eventId)) appliedAt.set(event.eventId, at);
        consumerBatches.push({ size: batch.length, handleMs: at - handleStarted, at });
      }
      delivered += batch.length;
      batches++;
    },
  });
  await until(() => delivered >= inTopic, 120_000, 'the Kafka-fed projection to catch up');
  const projectionViaKafka = {
    ...throughput(inTopic, now() - firstDelivery!),
    cpu: kafkaCpu!(),
    groupJoinMs: Math.round(firstDelivery! - kafkaSubscribedAt),
    meanBatchSize: Math.round(delivered / batches),
  };
  const [kafkaCheck] = await ds.query(`SELECT coalesce(sum(events), 0)::int AS n FROM bench_counters_kafka`);
  if (kafkaCheck.n !== inTopic)
    notes.push(`CHECK FAILED: the Kafka-fed projection counts ${kafkaCheck.n} events, expected ${inTopic}`);
  progress(
    `consumer → projection: ${projectionViaKafka.perSecond} events/s (group join ${projectionViaKafka.groupJoinMs} ms, mean batch ${projectionViaKafka.meanBatchSize})`,
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
    /** (events published by the relay since the start, when): to place each event's publish in time. */
    const publishes: { upTo: number; at: number }[] = [];
    let publishedHere = 0;
    onPublish = (n) => publishes.push({ upTo: (publishedHere += n), at: now() });
    let errors = 0;
    let firstError: string | undefined;
    const inFlight: Promise<void>[] = [];
    const cpu = cpuMeter();
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
            command(latencyStreams[i % latencyStreams.length], i).then(
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
    const issuedForSeconds = (issued[total - 1] - t0) / 1000;
    await Promise.all(inFlight);
    const deadline = now() + CONFIG.latency.drainTimeoutMs;
    while (now() < deadline && eventIds.some((id) => id && !appliedAt.has(id))) await sleep(5);
    onPublish = undefined;
    return {
      total,
      scheduled,
      issued,
      appended,
      eventIds,
      publishes,
      errors,
      firstError,
      cpu: cpu(),
      offeredPerSecond: (total - 1) / issuedForSeconds,
    };
  };
  progress(`latency: warm-up ${CONFIG.latency.warmupSeconds} s at ${CONFIG.latency.ratePerSecond} commands/s`);
  recording = true;
  await openLoop(CONFIG.latency.warmupSeconds);
  progress(
    `latency: ${CONFIG.latency.seconds} s at ${CONFIG.latency.ratePerSecond} commands/s (open loop, one every ${1000 / CONFIG.latency.ratePerSecond} ms)`,
  );
  consumerBatches = [];
  const load = await openLoop(CONFIG.latency.seconds);
  recording = false;
  const gaps = consumerBatches.slice(1).map((b, i) => b.at - consumerBatches[i].at);
  const endToEnd: number[] = [];
  const endToEndFromIssue: number[] = [];
  const toAppend: number[] = [];
  const toPublish: number[] = [];
  const generatorLag: number[] = [];
  let notApplied = 0;
  // Events reach the relay in about the order they were appended; the n-th published event is
  // taken as the n-th appended one (an approximation: concurrent commits can swap neighbours).
  const appendOrder = [...load.appended.keys()].filter((i) => load.appended[i] !== undefined);
  appendOrder.sort((a, b) => load.appended[a] - load.appended[b]);
  let p = 0;
  for (const [n, i] of appendOrder.entries()) {
    while (p < load.publishes.length && load.publishes[p].upTo < n + 1) p++;
    if (p < load.publishes.length) toPublish.push(load.publishes[p].at - load.scheduled[i]);
  }
  for (let i = 0; i < load.total; i++) {
    generatorLag.push(load.issued[i] - load.scheduled[i]);
    if (load.appended[i] === undefined) continue;
    toAppend.push(load.appended[i] - load.scheduled[i]);
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
    commandToAppendCommitMs: distribution(toAppend),
    commandToRelayPublishedMsApprox: distribution(toPublish),
    generatorLagMs: distribution(generatorLag, 2),
    relayBatches: load.publishes.length,
    consumer: {
      batches: consumerBatches.length,
      batchSize: distribution(consumerBatches.map((b) => b.size)),
      projectionHandleMs: distribution(
        consumerBatches.map((b) => b.handleMs),
        2,
      ),
      msBetweenBatchCompletions: distribution(gaps, 2),
    },
    cpu: load.cpu,
  };
  results.latency = latency;
  progress(
    `latency: p50 ${latency.appendToReadModelMs.p50} ms, p99 ${latency.appendToReadModelMs.p99} ms, max ${latency.appendToReadModelMs.max} ms at ${latency.offeredPerSecondAchieved}/s offered`,
  );

  // ---------------------------------------------------------------- report
  const relayVsRawProduce = relayRun.perSecond / rawProduce.perSecond;
  results.relay = {
    relayEventsPerSecond: relayRun,
    warmupIncludingProducerConnect: relayWarmup,
    rawProduceMessagesPerSecond: rawProduce,
    rawConsumeMessagesPerSecond: rawConsume,
    relayVsRawProduce: round(relayVsRawProduce, 3),
    envelopeBytesMean: envelopeBytes,
    batchSize: CONFIG.relayBatchSize,
  };
  results.projection = {
    projectionEventsPerSecond: projectionDirect,
    viaKafkaEventLog: projectionViaKafka,
    viaKafkaVsRawConsume: round(projectionViaKafka.perSecond / rawConsume.perSecond, 3),
  };
  results.ratios = {
    appendsVsRawInserts1: { median: round(appendsVsRaw1, 3), rounds: ratios1.map((x) => round(x, 3)) },
    appendsVsRawInserts8: { median: round(appendsVsRaw8, 3), rounds: ratios8.map((x) => round(x, 3)) },
    relayVsRawProduce: round(relayVsRawProduce, 3),
  };
  results.diagnostics = diagnostics;

  const targets = [
    check('appendsVsRawInsertsAt8Writers', appendsVsRaw8, '>=', CONFIG.targets.appendsVsRawAt8),
    check('projectionEventsPerSecond', projectionDirect.perSecond, '>=', CONFIG.targets.projectionEventsPerSecond),
    check('appendToReadModelP99Ms', latency.appendToReadModelMs.p99, '<', CONFIG.targets.latencyP99Ms),
  ];
  const pass = (name: string) => targets.find((x) => x.name === name)?.pass;
  const summary: SummaryRow[] = [
    { figure: 'appends/s, 1 writer (CommandBus)', value: appends1.perSecond, unit: '/s' },
    { figure: 'raw INSERT tx/s, 1 client', value: raw1.perSecond, unit: '/s' },
    { figure: `appends/s, ${writers} writers (CommandBus)`, value: appends8.perSecond, unit: '/s' },
    { figure: `raw INSERT tx/s, ${writers} clients`, value: raw8.perSecond, unit: '/s' },
    {
      figure: `appends / raw at ${writers} writers (median of ${rounds} paired rounds)`,
      value: round(appendsVsRaw8, 2),
      target: `≥ ${CONFIG.targets.appendsVsRawAt8}`,
      pass: pass('appendsVsRawInsertsAt8Writers'),
    },
    { figure: `appends / raw at 1 writer`, value: round(appendsVsRaw1, 2) },
    { figure: `appends/s, ${writers} writers, CommandRunner without Nest`, value: directRunner.perSecond, unit: '/s' },
    { figure: `appends/s, ${writers} writers, with commandId`, value: withCommandId.perSecond, unit: '/s' },
    {
      figure: `EventStore.append without the stream read, ${writers} writers`,
      value: appendWithoutRead.perSecond,
      unit: '/s',
    },
    { figure: `raw read + INSERT tx, ${writers} clients`, value: rawReadThenInsert.perSecond, unit: '/s' },
    { figure: `raw single-statement INSERT, ${writers} clients`, value: rawAutocommitInsert.perSecond, unit: '/s' },
    { figure: 'relay events/s', value: relayRun.perSecond, unit: '/s' },
    { figure: 'raw kafkajs produce msg/s', value: rawProduce.perSecond, unit: '/s' },
    { figure: 'relay / raw produce', value: round(relayVsRawProduce, 2) },
    { figure: 'raw kafkajs consume msg/s', value: rawConsume.perSecond, unit: '/s' },
    {
      figure: `projection events/s (ProjectionRunner.handle, batches of ${CONFIG.projectionBatchSize})`,
      value: projectionDirect.perSecond,
      unit: '/s',
      target: `≥ ${CONFIG.targets.projectionEventsPerSecond}`,
      pass: pass('projectionEventsPerSecond'),
    },
    { figure: 'projection events/s fed by KafkaEventLog', value: projectionViaKafka.perSecond, unit: '/s' },
    { figure: 'raw pg per-event upserts (no checkpoints)', value: rawPerEvent.perSecond, unit: '/s' },
    { figure: 'raw pg set-based batch upsert (with checkpoints)', value: setBased.perSecond, unit: '/s' },
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
    {
      figure: 'command→append commit p50 / p99',
      value: `${latency.commandToAppendCommitMs.p50} / ${latency.commandToAppendCommitMs.p99}`,
      unit: 'ms',
    },
    {
      figure: 'command→relay published p50 / p99 (approx.)',
      value: `${latency.commandToRelayPublishedMsApprox.p50} / ${latency.commandToRelayPublishedMsApprox.p99}`,
      unit: 'ms',
    },
    { figure: 'offered load achieved', value: latency.offeredPerSecondAchieved, unit: 'commands/s' },
    { figure: 'envelope size (mean JSON)', value: envelopeBytes, unit: 'bytes' },
  ];

  notes.push(
    'Appends go through the real command path: the NestJS CommandBus (@nestjs/cqrs) → a bench command handler → CommandRunner.run (readStream, decide, EventStore.append in one TypeORM transaction). diagnostics.appendPath8Writers.commandRunnerWithoutNest is the same without Nest dispatch.',
    `Appends and raw INSERTs are measured in ${rounds} back-to-back pairs whose order alternates; the figures are the medians, the ratio the median of the per-pair ratios. Writers never share a stream (each has its own streams, round-robin, ${CONFIG.eventsPerStream} events per stream per run), so there are no optimistic-concurrency retries.`,
    'Not apples to apples: an append is a SELECT of the stream (up to 5 rows) plus START TRANSACTION/INSERT/COMMIT through TypeORM and the pg Pool (two pool checkouts); the raw baseline is BEGIN/INSERT/COMMIT of a row of the same shape, size, constraints and indexes on a dedicated pg.Client per writer. That difference is the platform overhead the ratio shows; the diagnostics take it apart.',
    `The relay starts past the ${appendPhaseEvents} append-phase events (its checkpoint is set to the end of the table) to keep the run bounded. Warm-up: ${CONFIG.relayWarmupEvents} events (includes producer connect and the leader lock). Timed: ${CONFIG.relayEvents} events committed in one INSERT … SELECT while the relay idles, from that commit to the relay checkpoint reaching the last position.`,
    `Raw produce sends exactly the envelopes the relay sent (same keys, headers and bytes) with the relay's producer settings (idempotent, maxInFlightRequests 1, acks -1, ${CONFIG.relayBatchSize} per sendBatch, one at a time); it does not read Postgres or save a checkpoint.`,
    'Raw consume and the Kafka-fed projection are timed from the first delivered batch (group join excluded, reported as groupJoinMs); raw consume JSON-parses each message and lets kafkajs commit offsets; the Kafka-fed projection runs ProjectionRunner per batch and commits offsets after each batch, as KafkaEventLog does.',
    `The direct projection handles the ${CONFIG.relayEvents} relay-phase events (${CONFIG.relayEvents / 10} streams, one event per stream per ${CONFIG.projectionBatchSize}-event batch, so every event is an upsert plus a checkpoint row); the Kafka-fed one consumes the whole topic (${inTopic} events).`,
    `Latency: distributed mode in one process (relay + KafkaEventLog consumer + ProjectionRunner + command generator share one event loop). Open loop: command i is due at t0 + i × ${1000 / CONFIG.latency.ratePerSecond} ms and is issued without waiting for earlier ones; latency runs from the due time (no coordinated omission) to the moment the projection transaction of the batch holding the event has committed (the handler resolved). commandToRelayPublishedMsApprox matches the n-th published event to the n-th appended one.`,
    `Everything runs on the same ${cpus().length} CPUs: Postgres, the Kafka broker JVM and this Node process compete for them (cpu.machineBusyPercent per phase; 100 = all cores busy). Other active Postgres sessions at start: ${otherSessions}.`,
  );
  if (k.startedByBench)
    notes.push(
      'Kafka is the single-node infra/kafka broker started by the bench (KRaft, replication factor 1), started after the Postgres-only phases.',
    );

  return {
    machine: {
      postgres: pg.serverVersion,
      postgresSettings: pg.settings,
      otherActivePostgresSessionsAtStart: otherSessions,
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

async function inBatches(events: EventEnvelope[], handle: (batch: EventEnvelope[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < events.length; i += CONFIG.projectionBatchSize) {
    await handle(events.slice(i, i + CONFIG.projectionBatchSize));
  }
}

/** N events of the bench shape committed in one statement, over N/10 streams (versions 1..10). */
async function bulkInsertEvents(ds: DataSource, count: number, metadataJson: string): Promise<void> {
  const streams = count / 10;
  await ds.query(
    `INSERT INTO events (event_id, stream_type, stream_id, version, type, schema_version, occurred_at, data, metadata)
     SELECT gen_random_uuid(), $1, md5($2 || (g % $3)::text)::uuid::text, g / $3 + 1, $4, 1, now(),
            jsonb_build_object('by', 1, 'memo', $5::text), $6::jsonb
       FROM generate_series(0, $7 - 1) AS g
      ORDER BY g`,
    [BENCH_STREAM_TYPE, randomUUID(), streams, BENCH_EVENT_TYPE, MEMO, metadataJson, count],
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

async function lastLogPosition(ds: DataSource): Promise<LogPosition> {
  const [row] = await ds.query(
    `SELECT tx_id::text AS tx_id, position::text AS position FROM events ORDER BY tx_id DESC, position DESC LIMIT 1`,
  );
  return { txId: row.tx_id, position: row.position };
}

/** The log position just before the (skip + 1)-th event in commit-safe order. */
async function firstPositionAfter(ds: DataSource, skip: number): Promise<LogPosition> {
  if (skip === 0) return { txId: '0', position: '0' };
  const [row] = await ds.query(
    `SELECT tx_id::text AS tx_id, position::text AS position FROM events ORDER BY tx_id, position OFFSET $1 LIMIT 1`,
    [skip - 1],
  );
  return { txId: row.tx_id, position: row.position };
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
