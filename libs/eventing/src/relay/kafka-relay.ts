import type { Kafka, Producer } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { topicName, type EventRegistry } from '../event-registry';
import { toKafkaMessage } from '../kafka/kafka-message';
import { nextEventOrTimeout, sleep } from '../log/wait';
import { CommittedEvents } from '../store/committed-events';
import type { EventStore } from '../store/event-store';

export interface RelayOptions {
  topicPrefix: string;
  batchSize?: number;
  /** How often to look for events appended by other processes. */
  pollMs?: number;
  onError?(error: unknown): void;
  onPublished?(count: number): void;
}

const CHECKPOINT = 'relay';
/** Advisory lock key: one relay leader per database, whichever api replica holds it. */
const LEADER_LOCK = 7_262_019_001;

/**
 * Copies committed events from the events table to Kafka, in commit-safe order, one leader at a
 * time. The checkpoint is saved after Kafka acknowledged the batch (acks=-1, idempotent producer),
 * so a crash can publish a batch twice but never lose one; consumers are idempotent per stream.
 */
export class KafkaRelay {
  private readonly committed: CommittedEvents;
  private readonly stop = new AbortController();
  private loop?: Promise<void>;
  private producer?: Producer;
  private leader = false;

  constructor(
    private readonly db: DataSource,
    private readonly kafka: Kafka,
    private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly options: RelayOptions,
  ) {
    this.committed = new CommittedEvents(db);
  }

  get isLeader(): boolean {
    return this.leader;
  }

  async lag(): Promise<number> {
    return this.committed.countAfter(await this.committed.checkpoint(CHECKPOINT));
  }

  start(): void {
    this.loop ??= this.run();
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.loop;
    await this.producer?.disconnect();
  }

  private async run(): Promise<void> {
    while (!this.stop.signal.aborted) {
      let lock: QueryRunner | undefined;
      try {
        lock = await this.acquireLeadership();
        if (!lock) {
          await sleep(1000);
          continue;
        }
        this.leader = true;
        this.producer ??= await this.connectProducer();
        await this.relayWhileLeader(lock);
      } catch (error) {
        this.options.onError?.(error);
        await this.dropProducer();
        await sleep(500);
      } finally {
        this.leader = false;
        if (lock) await this.release(lock);
      }
    }
  }

  private async relayWhileLeader(lock: QueryRunner): Promise<void> {
    const { batchSize = 500, pollMs = 50 } = this.options;
    let at = await this.committed.checkpoint(CHECKPOINT);
    while (!this.stop.signal.aborted && !lock.isReleased) {
      const { events, last } = await this.committed.readAfter(at, batchSize);
      if (!last) {
        await lock.query('SELECT 1'); // a dead lock connection means the lock is gone: stop leading
        await nextEventOrTimeout(this.store.notifications, 'appended', pollMs, this.stop.signal);
        continue;
      }
      const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
      for (const event of events) {
        const topic = topicName(this.options.topicPrefix, this.registry.contextOf(event.streamType));
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), toKafkaMessage(event)]);
      }
      await this.producer!.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      await this.committed.saveCheckpoint(CHECKPOINT, last);
      at = last;
      this.options.onPublished?.(events.length);
    }
  }

  private async acquireLeadership(): Promise<QueryRunner | undefined> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    const [row] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [LEADER_LOCK]);
    if (row.locked) return runner;
    await runner.release();
    return undefined;
  }

  private async release(runner: QueryRunner): Promise<void> {
    try {
      await runner.query(`SELECT pg_advisory_unlock($1)`, [LEADER_LOCK]);
    } catch {
      // the connection is gone, and the lock with it
    }
    await runner.release().catch(() => undefined);
  }

  /**
   * After a failed send an idempotent producer's sequence numbers can be out of step with the
   * broker's (a broker restart, a lost ack), and every later send fails the same way. A new
   * producer gets a new producer id; a batch it sends twice is harmless, consumers are idempotent.
   */
  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async connectProducer(): Promise<Producer> {
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    return producer;
  }
}
