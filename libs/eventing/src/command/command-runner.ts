import {
  ConcordError,
  fold,
  systemClock,
  type Actor,
  type Clock,
  type Decider,
  type DomainEvent,
} from '@concord/kernel';
import type { Provenance } from '../envelope';
import type { AppendResult, EventStore, UniqueKey } from '../store/event-store';

/** An aggregate as the platform runs it: its decider plus how its streams are stored. */
export interface Aggregate<C, E extends DomainEvent, S> {
  streamType: string;
  decider: Decider<C, E, S>;
  /** Values its events claim that must be unique across all streams of the type. */
  uniqueKeys?: (event: E) => UniqueKey[];
}

export interface CommandRequest<C, S> {
  streamId: string;
  command: C;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  /** The version the client last saw; a mismatch is a CONFLICT, never a silent overwrite. */
  expectedVersion?: number;
  /** Client-chosen id that makes retries idempotent. */
  commandId?: string;
  /** Refuses the command for this actor given the current state (throws FORBIDDEN). */
  authorize?: (state: S, actor: Actor) => void;
  provenance?: Provenance;
}

/** Request-level facts that travel with every command, from GraphQL, the CLI or an import. */
export type CommandMeta = Pick<
  CommandRequest<unknown, unknown>,
  'actor' | 'correlationId' | 'commandId' | 'expectedVersion'
>;

/** Enough for a handful of writers racing on one stream; jittered so they spread out. */
const MAX_ATTEMPTS = 10;

/**
 * The one write path: load the stream, decide, append with optimistic concurrency. Without an
 * expectedVersion from the client, a concurrent write is retried on the fresh state; with one,
 * it is the client's CONFLICT to resolve.
 */
export class CommandRunner {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock = systemClock,
  ) {}

  async run<C, E extends DomainEvent, S>(
    aggregate: Aggregate<C, E, S>,
    request: CommandRequest<C, S>,
  ): Promise<AppendResult> {
    if (request.commandId) {
      const earlier = await this.store.processedCommand(request.commandId);
      if (earlier) return earlier;
    }
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream<E['data']>(request.streamId);
      if (history.length && history[0].streamType !== aggregate.streamType) {
        throw new ConcordError(
          'NOT_FOUND',
          'WRONG_STREAM_TYPE',
          `${request.streamId} is not a ${aggregate.streamType}`,
        );
      }
      const version = history.length ? history[history.length - 1].version : 0;
      if (request.expectedVersion !== undefined && request.expectedVersion !== version) {
        throw new ConcordError(
          'CONFLICT',
          'STALE_VERSION',
          `${aggregate.streamType} ${request.streamId} is at version ${version}, not ${request.expectedVersion}; reload it and try again`,
          [{ path: 'expectedVersion', value: request.expectedVersion, message: `current version is ${version}` }],
        );
      }
      const { decider } = aggregate;
      const state = fold(
        decider,
        history.map((e) => ({ type: e.type, data: e.data }) as E),
      );
      request.authorize?.(state, request.actor);
      const events = decider.decide(request.command, state, { actor: request.actor, now: this.clock.now() });
      if (events.length === 0) return { streamId: request.streamId, version, eventIds: [], replayed: false };
      try {
        return await this.store.append({
          streamType: aggregate.streamType,
          streamId: request.streamId,
          expectedVersion: version,
          events,
          occurredAt: this.clock.now(),
          uniqueKeys: aggregate.uniqueKeys ? events.flatMap(aggregate.uniqueKeys) : [],
          metadata: {
            actor: request.actor,
            commandId: request.commandId,
            correlationId: request.correlationId,
            causationId: request.causationId ?? request.commandId,
            ...(request.provenance && { provenance: request.provenance }),
          },
        });
      } catch (error) {
        const raced = error instanceof ConcordError && error.code === 'STALE_VERSION';
        if (!raced || request.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }
}
