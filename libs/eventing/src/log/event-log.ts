import type { EventEnvelope } from '../envelope';

export interface SubscribeOptions {
  /** Consumers of one group share the work; each group sees every event. */
  groupId: string;
  /** Bounded contexts whose events to receive. */
  contexts: string[];
  /**
   * Handles a batch in per-stream order. Resolving means "done": the log then commits past the
   * batch. Throwing means "not done": the batch is delivered again (at-least-once).
   */
  handle: (batch: EventEnvelope[]) => Promise<void>;
}

export interface TailOptions {
  /** Bounded contexts whose events to receive. */
  contexts: string[];
  /** Handles a batch in per-stream order; a failure is reported and the tail moves on. */
  handle: (batch: EventEnvelope[]) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops after the batch in hand is handled and committed. */
  close(): Promise<void>;
}

/**
 * The distribution port: Kafka in distributed mode, the events table itself in embedded mode.
 * Both adapters pass the same contract suite (event-log.contract.ts).
 */
export interface EventLog {
  readonly kind: 'kafka' | 'embedded';
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /**
   * Every event appended from the call on, to each caller in each process: live updates, not a
   * consumer group. No position is kept, nothing is delivered again.
   */
  tail(options: TailOptions): Promise<Subscription>;
  /** Parks an event a consumer gave up on where operators can see and replay it. */
  deadLetter(groupId: string, event: EventEnvelope, error: string): Promise<void>;
  /** Events not yet handled by a group, for the consumer-lag metric. */
  lag(groupId: string, contexts: string[]): Promise<number>;
  close(): Promise<void>;
}
