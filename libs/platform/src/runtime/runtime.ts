import {
  CommandRunner,
  EmbeddedEventLog,
  EventRegistry,
  EventStore,
  KafkaEventLog,
  KafkaRelay,
  ProjectionRunner,
  ensureTopics,
  type EventLog,
  type Subscription,
} from '@concord/eventing';
import { Kafka, logLevel } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import { openDatabase, type Database } from '../database/database';
import { LiveEvents } from '../graphql/live-events';
import { Metrics } from '../observability/metrics';
import { schemaOf, type BoundedContext } from './bounded-context';

/** Which jobs this process does: `api` serves GraphQL and relays; `worker` runs the projections. */
export interface Roles {
  api: boolean;
  worker: boolean;
}

/** The live platform objects of one process, created before Nest and shared with it. */
export interface Runtime {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  database: Database;
  dataSource: DataSource;
  registry: EventRegistry;
  store: EventStore;
  commands: CommandRunner;
  eventLog: EventLog;
  kafka?: Kafka;
  relay?: KafkaRelay;
  /** The api role's live updates for GraphQL subscriptions. */
  live?: LiveEvents;
  contexts: BoundedContext[];
  close(): Promise<void>;
}

export const projectionGroup = (context: string) => `${context}-projections`;

/** Every consumer group a worker runs, with the contexts it reads: projections, then reactors. */
export const consumerGroups = (contexts: BoundedContext[], all: string[]): { group: string; contexts: string[] }[] => [
  ...contexts.filter((c) => c.projections.length).map((c) => ({ group: projectionGroup(c.name), contexts: all })),
  ...contexts
    .flatMap((c) => c.reactors ?? [])
    .map((r) => ({ group: r.name, contexts: r.contexts.filter((c) => all.includes(c)) })),
];

export async function startRuntime(
  config: Config,
  contexts: BoundedContext[],
  roles: Roles,
  logger: Logger,
  /** An already open database (tests); otherwise one is opened from the config and owned. */
  given?: Database,
): Promise<Runtime> {
  const metrics = new Metrics();
  const database =
    given ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }, schemaOf(contexts)));
  const { dataSource } = database;
  const registry = new EventRegistry(contexts.flatMap((c) => c.streams));
  const store = new EventStore(dataSource, registry);
  store.notifications.on('appended', (r: { streamType: string; eventIds: string[] }) =>
    metrics.appends.inc({ stream_type: r.streamType }, r.eventIds.length),
  );
  const commands = new CommandRunner(store);

  let kafka: Kafka | undefined;
  let eventLog: EventLog;
  if (config.kafka) {
    const kafkaLogger = logger.child({ component: 'kafkajs' });
    kafka = new Kafka({
      clientId: config.kafka.clientId,
      brokers: config.kafka.brokers,
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ namespace, level, log }) => {
          const { message, ...rest } = log;
          kafkaLogger[level <= logLevel.ERROR ? 'error' : 'warn']({ namespace, ...rest }, message);
        },
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, registry.allContexts, config.kafka);
    } finally {
      await admin.disconnect();
    }
    eventLog = new KafkaEventLog(kafka, registry, {
      topicPrefix: config.kafka.topicPrefix,
      sessionTimeoutMs: config.kafka.sessionTimeoutMs,
      onError: (group, err) => logger.warn({ group, err }, 'consumer batch failed; it will be delivered again'),
    });
  } else {
    eventLog = new EmbeddedEventLog(dataSource, store, registry, {
      onError: (group, err) => logger.warn({ group, err }, 'consumer batch failed; it will be delivered again'),
    });
  }

  let relay: KafkaRelay | undefined;
  if (kafka && roles.api) {
    relay = new KafkaRelay(dataSource, kafka, store, registry, {
      topicPrefix: config.kafka!.topicPrefix,
      onError: (err) => logger.error({ err }, 'relay failed; retrying'),
      onPublished: (n) => metrics.relayed.inc(n),
    });
    relay.start();
    metrics.gauge('concord_relay_lag_events', 'Committed events not yet published to Kafka', [], async (g) => {
      g.set(await relay!.lag());
    });
  }

  let live: LiveEvents | undefined;
  if (roles.api) {
    live = new LiveEvents(dataSource, eventLog, registry.allContexts, logger.child({ component: 'live' }));
    await live.start();
  }

  const subscriptions: Subscription[] = [];
  if (roles.worker) {
    for (const context of contexts.filter((c) => c.projections.length)) {
      const group = projectionGroup(context.name);
      const runner = new ProjectionRunner(dataSource, eventLog, group, context.projections, {
        onApplied: (projection, n) => metrics.projected.inc({ projection }, n),
        onBatchFailed: (err) => logger.warn({ group, err }, 'batch failed; redoing it event by event'),
        onDeadLetter: (consumer, event, err) => {
          metrics.deadLetters.inc({ consumer });
          logger.error({ consumer, eventId: event.eventId, type: event.type, err }, 'event parked in dead letters');
        },
      });
      subscriptions.push(
        await eventLog.subscribe({
          groupId: group,
          contexts: registry.allContexts,
          handle: (batch) => runner.handle(batch),
        }),
      );
    }
    for (const reactor of contexts.flatMap((c) => c.reactors ?? [])) {
      reactor.check?.();
      subscriptions.push(
        await eventLog.subscribe({
          groupId: reactor.name,
          contexts: reactor.contexts.filter((c) => registry.allContexts.includes(c)),
          handle: (batch) => reactor.react(batch, { db: dataSource, commands }),
        }),
      );
    }
    metrics.gauge('concord_consumer_lag_events', 'Events not yet handled, per consumer group', ['group'], async (g) => {
      for (const { group, contexts: subscribed } of consumerGroups(contexts, registry.allContexts))
        g.set({ group }, await eventLog.lag(group, subscribed));
    });
  }
  metrics.gauge('concord_dead_letters', 'Events parked in the dead_letters table', [], async (g) => {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM dead_letters`);
    g.set(row.n);
  });

  return {
    config,
    logger,
    metrics,
    database,
    dataSource,
    registry,
    store,
    commands,
    eventLog,
    kafka,
    relay,
    live,
    contexts,
    async close() {
      // Consumers first: each finishes its batch and commits its offsets; then the relay.
      await Promise.all([...subscriptions.map((s) => s.close()), live?.close()]);
      await relay?.close();
      await eventLog.close();
      if (!given) await database.close();
    },
  };
}
