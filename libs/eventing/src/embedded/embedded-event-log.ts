import type { DataSource } from 'typeorm';
import type { EventRegistry } from '../event-registry';
import type { EventEnvelope } from '../envelope';
import type { EventLog, SubscribeOptions, Subscription, TailOptions } from '../log/event-log';
import { nextEventOrTimeout, sleep } from '../log/wait';
import { CommittedEvents, type LogPosition } from '../store/committed-events';
import type { EventStore } from '../store/event-store';

export interface EmbeddedEventLogOptions {
  batchSize?: number;
  /** How often to look for events written by other processes; appends in this one wake at once. */
  pollMs?: number;
  retryMs?: number;
  onError?(groupId: string, error: unknown): void;
}

const checkpointName = (groupId: string) => `group:${groupId}`;

/**
 * The event log of embedded mode: each subscription reads the events table itself in commit-safe
 * order and keeps its position in `event_log_checkpoints`, saved only after the handler resolved.
 */
export class EmbeddedEventLog implements EventLog {
  readonly kind = 'embedded' as const;
  private readonly committed: CommittedEvents;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    db: DataSource,
    private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly options: EmbeddedEventLogOptions = {},
  ) {
    this.committed = new CommittedEvents(db);
  }

  async subscribe({ groupId, contexts, handle }: SubscribeOptions): Promise<Subscription> {
    const name = checkpointName(groupId);
    return this.follow(contexts, await this.committed.checkpoint(name), {
      handle,
      saved: (at) => this.committed.saveCheckpoint(name, at),
      failed: (error) => this.options.onError?.(groupId, error),
    });
  }

  async tail({ contexts, handle, onError }: TailOptions): Promise<Subscription> {
    return this.follow(contexts, await this.committed.head(), {
      handle: (batch) =>
        handle(batch).catch((error: unknown) => {
          onError?.(error); // a tail moves on: live updates are not delivered again
        }),
      saved: async () => undefined,
      failed: (error) => onError?.(error),
    });
  }

  /** Reads on from a position, handling each batch before saving the position past it. */
  private async follow(
    contexts: string[],
    start: LogPosition,
    steps: {
      handle: (batch: EventEnvelope[]) => Promise<void>;
      saved: (at: LogPosition) => Promise<void>;
      failed: (error: unknown) => void;
    },
  ): Promise<Subscription> {
    const { batchSize = 500, pollMs = 200, retryMs = 1000 } = this.options;
    const streamTypes = this.registry.streamTypesOf(contexts);
    const stop = new AbortController();
    let at = start;

    const loop = (async () => {
      while (!stop.signal.aborted) {
        try {
          const { events, last } = await this.committed.readAfter(at, batchSize, streamTypes);
          if (!last) {
            await nextEventOrTimeout(this.store.notifications, 'appended', pollMs, stop.signal);
            continue;
          }
          await steps.handle(events.map((e) => this.registry.upcast(e)));
          await steps.saved(last);
          at = last;
        } catch (error) {
          steps.failed(error);
          await sleep(retryMs);
        }
      }
    })();

    const subscription: Subscription = {
      close: async () => {
        stop.abort();
        await loop;
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Embedded mode has no broker: the dead_letters table the consumer runtime writes is the park. */
  async deadLetter(): Promise<void> {}

  async lag(groupId: string, contexts: string[]): Promise<number> {
    const at = await this.committed.checkpoint(checkpointName(groupId));
    return this.committed.countAfter(at, this.registry.streamTypesOf(contexts));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
  }
}
