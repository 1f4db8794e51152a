import { EventEmitter, on } from 'node:events';
import { awaitProjected, type EventEnvelope, type EventLog, type Subscription } from '@concord/eventing';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Logger } from 'pino';
import type { DataSource, EntityTarget } from 'typeorm';
import type { RequestContext } from './request-context';

/** A kind of change subscribers can follow: the events of one stream type, with the read model's row. */
export interface LiveFeed<Row> {
  /** One name per feed: subscribers of a feed share its reads. */
  name: string;
  streamType: string;
  /** The projection whose rows subscribers see: a change goes out once it has applied it. */
  projection: string;
  /** The rows of the given streams as the projection now has them, by stream id. */
  load(db: DataSource, streamIds: string[]): Promise<Map<string, Row>>;
}

/** A feed's `load`: some columns of an entity's rows, by their `id`. */
export function rowsById<Row extends { id: string }, Column extends keyof Row>(
  entity: EntityTarget<Row>,
  columns: Column[],
): (db: DataSource, ids: string[]) => Promise<Map<string, Pick<Row, Column | 'id'>>> {
  return async (db, ids) => {
    const rows: Pick<Row, Column | 'id'>[] = await db
      .getRepository(entity)
      .createQueryBuilder('r')
      .select(['id', ...columns].map((c) => `r.${String(c)}`))
      .where('r.id IN (:...ids)', { ids })
      .getMany();
    return new Map(rows.map((row) => [row.id, row]));
  };
}

export interface LiveChange<Row> {
  event: EventEnvelope;
  /** Undefined when the read model has no row for the stream. */
  row: Row | undefined;
}

/** How long a change waits for its projection before it goes out anyway (a lagging worker). */
const PROJECTION_WAIT_MS = 10_000;

/**
 * Live updates for GraphQL subscriptions: one tail of the event log per api process (so a client
 * on any replica sees changes written through any other), fanned out in memory to the
 * subscriptions of this process. A change goes out once its projection has applied it, so a
 * subscriber that reads the read model sees what it was told about.
 */
export class LiveEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly feeds = new Map<string, LiveFeed<unknown>>();
  private tail?: Subscription;

  constructor(
    private readonly db: DataSource,
    private readonly log: EventLog,
    private readonly contexts: string[],
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.tail = await this.log.tail({
      contexts: this.contexts,
      handle: (batch) => this.publish(batch),
      onError: (err) => this.logger.warn({ err }, 'live updates of a batch failed; subscribers miss them'),
    });
  }

  async close(): Promise<void> {
    await this.tail?.close();
    this.emitter.removeAllListeners();
  }

  /**
   * A subscriber's changes of a feed, those `keep` accepts, as `view` shows them, in the order they
   * happened. Ending the iteration (the client unsubscribes) removes the listener at once, even
   * while waiting for a change (an async generator could not: it would wait for the next one).
   */
  changes<Row, View>(
    feed: LiveFeed<Row>,
    keep: (change: LiveChange<Row>) => boolean,
    view: (change: LiveChange<Row>) => View,
  ): AsyncIterableIterator<View> {
    this.feeds.set(feed.name, feed);
    const source = on(this.emitter, feed.name) as AsyncIterableIterator<[LiveChange<Row>]>;
    return {
      async next() {
        for (;;) {
          const result = await source.next();
          if (result.done) return { done: true, value: undefined };
          const [change] = result.value;
          if (keep(change)) return { done: false, value: view(change) };
        }
      },
      async return() {
        await source.return?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  private async publish(batch: EventEnvelope[]): Promise<void> {
    for (const feed of this.feeds.values()) {
      if (!this.emitter.listenerCount(feed.name)) continue;
      const events = batch.filter((e) => e.streamType === feed.streamType);
      if (!events.length) continue;
      const versions = new Map<string, number>();
      for (const e of events) versions.set(e.streamId, Math.max(e.version, versions.get(e.streamId) ?? 0));
      await awaitProjected(this.db, [feed.projection], versions, { timeoutMs: PROJECTION_WAIT_MS }).catch((err) =>
        this.logger.warn({ err, feed: feed.name }, 'live update sent before its projection caught up'),
      );
      const rows = await feed.load(this.db, [...versions.keys()]);
      for (const event of events) this.emitter.emit(feed.name, { event, row: rows.get(event.streamId) });
    }
  }
}

/**
 * The `resolve` of a subscription field: each change resolves with fresh DataLoaders, not those
 * cached by the subscription's earlier changes (one context serves them all).
 */
export function eachChangeAfresh<T>(payload: T, _args: unknown, ctx: RequestContext): T {
  ctx.loaders?.clear();
  return payload;
}

/** The fields every subscription's change shows: which event, of which version, when. */
@ObjectType({ isAbstract: true })
export abstract class LiveChangeType {
  @Field({ description: 'The event, e.g. ActivityRevised' }) change!: string;
  @Field(() => Int, { description: "The stream's version after it" }) version!: number;
  @Field() occurredAt!: Date;
}

/** A change as its GraphQL type shows it. */
export const changeView = ({ event }: LiveChange<unknown>) => ({
  change: event.type,
  version: event.version,
  occurredAt: new Date(event.occurredAt),
});
