import { randomUUID } from 'node:crypto';
import { KafkaJSProtocolError, type Consumer, type Kafka, type Producer } from 'kafkajs';
import type { EventEnvelope } from '../envelope';
import { deadLetterTopicName, topicName, type EventRegistry } from '../event-registry';
import type { EventLog, SubscribeOptions, Subscription, TailOptions } from '../log/event-log';
import { sleep } from '../log/wait';
import { fromKafkaMessage, toKafkaMessage } from './kafka-message';

export interface KafkaEventLogOptions {
  topicPrefix: string;
  sessionTimeoutMs?: number;
  /** Partitions handled in parallel by one consumer; order within a partition (a stream) is kept. */
  partitionsConsumedConcurrently?: number;
  onError?(groupId: string, error: unknown): void;
}

/**
 * Consumers in Kafka consumer groups. Offsets are committed by hand, only after the handler
 * resolved (so after the projection's DB commit); a handler that throws makes the batch come again.
 */
export class KafkaEventLog implements EventLog {
  readonly kind = 'kafka' as const;
  private readonly consumers = new Set<Consumer>();
  private producer?: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly registry: EventRegistry,
    private readonly options: KafkaEventLogOptions,
  ) {}

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    return this.supervised(options.groupId, () => this.startConsumer(options));
  }

  async tail({ contexts, handle, onError }: TailOptions): Promise<Subscription> {
    const topics = contexts.map((c) => topicName(this.options.topicPrefix, c));
    // Where each partition ends now: the tail seeks there, so it sees every event appended from
    // the call on, however long its group takes to form.
    const ends = await this.endOffsets(topics);
    const start = async (seek: boolean) => {
      // A group of its own: each process gets every event. It commits nothing, so it leaves no trace.
      const consumer = this.kafka.consumer({
        groupId: `${this.options.topicPrefix}tail.${randomUUID()}`,
        allowAutoTopicCreation: false,
        sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: 3_000,
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: false });
        await consumer.run({
          autoCommit: false,
          partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 4,
          eachBatch: async ({ batch }) => {
            const events = batch.messages.map((m) => this.registry.upcast(fromKafkaMessage(m)));
            await handle(events).catch((error: unknown) => onError?.(error)); // live updates move on
          },
        });
      } catch (error) {
        await consumer.disconnect().catch(() => undefined);
        throw error;
      }
      if (seek) for (const { topic, offsets } of ends) for (const p of offsets) consumer.seek({ topic, ...p });
      this.consumers.add(consumer);
      return consumer;
    };
    // A replacement after a crash starts from the end: what came in between is not seen.
    let seek = true;
    return this.supervised('tail', async () => {
      const consumer = await start(seek);
      seek = false;
      return consumer;
    });
  }

  /**
   * Each partition's end. kafkajs gives up on a retriable error here (a partition whose leader is
   * still being elected, just after the topics were made), so this tries again for a while.
   */
  private async endOffsets(topics: string[]) {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await Promise.all(
            topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })),
          );
        } catch (error) {
          if (!(error instanceof KafkaJSProtocolError && error.retriable) || attempt === 30) throw error;
          await sleep(200);
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * kafkajs restarts a consumer after a retriable crash by itself; after any other crash that
   * consumer is dead for good, so a new one takes its place (offsets are committed: nothing lost).
   */
  private async supervised(groupId: string, start: () => Promise<Consumer>): Promise<Subscription> {
    let consumer: Consumer;
    let closed = false;
    const supervise = (running: Consumer) => {
      consumer = running;
      running.on(running.events.CRASH, ({ payload }) => {
        if (payload.restart || closed) return;
        this.options.onError?.(groupId, payload.error);
        this.consumers.delete(running);
        void running.disconnect().catch(() => undefined);
        setTimeout(() => void replace(), 1_000);
      });
    };
    const replace = async () => {
      if (closed) return;
      try {
        const started = await start();
        if (!closed) return supervise(started);
        this.consumers.delete(started);
        await started.disconnect();
      } catch (error) {
        this.options.onError?.(groupId, error);
        setTimeout(() => void replace(), 1_000);
      }
    };
    supervise(await start());
    return {
      close: async () => {
        closed = true;
        this.consumers.delete(consumer);
        await consumer.disconnect(); // waits for the running batch, whose offsets are then committed
      },
    };
  }

  private async startConsumer({ groupId, contexts, handle }: SubscribeOptions): Promise<Consumer> {
    const consumer = this.kafka.consumer({
      groupId: `${this.options.topicPrefix}${groupId}`,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3_000,
      retry: { retries: 10 },
    });
    try {
      await this.runConsumer(consumer, groupId, contexts, handle);
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.consumers.add(consumer);
    return consumer;
  }

  private async runConsumer(
    consumer: Consumer,
    groupId: string,
    contexts: string[],
    handle: SubscribeOptions['handle'],
  ): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({
      topics: contexts.map((c) => topicName(this.options.topicPrefix, c)),
      fromBeginning: true,
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 4,
      eachBatch: async (payload) => {
        const { batch } = payload;
        if (!payload.isRunning() || payload.isStale() || batch.messages.length === 0) return;
        const events = batch.messages.map((m) => this.registry.upcast(fromKafkaMessage(m)));
        try {
          await handle(events);
        } catch (error) {
          this.options.onError?.(groupId, error);
          throw error; // kafkajs backs off and delivers the batch again
        }
        const last = batch.messages[batch.messages.length - 1];
        payload.resolveOffset(last.offset);
        await consumer.commitOffsets([
          { topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() },
        ]);
        await payload.heartbeat();
      },
    });
  }

  async deadLetter(groupId: string, event: EventEnvelope, error: string): Promise<void> {
    this.producer ??= await this.connectProducer();
    const message = toKafkaMessage(event);
    await this.producer.send({
      topic: deadLetterTopicName(this.options.topicPrefix),
      acks: -1,
      messages: [{ ...message, headers: { ...message.headers, 'consumer-group': groupId, error } }],
    });
  }

  async lag(groupId: string, contexts: string[]): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = contexts.map((c) => topicName(this.options.topicPrefix, c));
      const committed = await admin.fetchOffsets({ groupId: `${this.options.topicPrefix}${groupId}`, topics });
      let lag = 0;
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
        for (const end of ends) {
          const at = Number(done.find((p) => p.partition === end.partition)?.offset ?? '-1');
          lag += Number(end.high) - (at < 0 ? Number(end.low) : at);
        }
      }
      return lag;
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await this.producer?.disconnect();
  }

  private async connectProducer(): Promise<Producer> {
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    return producer;
  }
}
