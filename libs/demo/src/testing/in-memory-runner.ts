import type { Aggregate, AppendResult, CommandRequest, CommandRunner } from '@concord/eventing';
import { ConcordError, fold, type DomainEvent } from '@concord/kernel';

/**
 * CommandRunner's rules without a database, for specs of what the demo sends: the real deciders,
 * replay by command id, unique keys across streams. Keeps every stream's events for inspection.
 */
export class InMemoryRunner {
  readonly streams = new Map<string, { type: string; events: DomainEvent[] }>();
  private readonly processed = new Map<string, AppendResult>();
  private readonly keys = new Map<string, string>();

  asRunner(): CommandRunner {
    return this as unknown as CommandRunner;
  }

  async run<C, E extends DomainEvent, S>(aggregate: Aggregate<C, E, S>, request: CommandRequest<C, S>) {
    const earlier = request.commandId && this.processed.get(request.commandId);
    if (earlier) return { ...earlier, replayed: true };
    const stream = this.streams.get(request.streamId) ?? { type: aggregate.streamType, events: [] };
    if (stream.type !== aggregate.streamType) throw new ConcordError('NOT_FOUND', 'WRONG_STREAM_TYPE', 'wrong type');
    const state = fold(aggregate.decider, stream.events as E[]);
    const events = aggregate.decider.decide(request.command, state, { actor: request.actor, now: new Date() });
    for (const { scope, key } of events.flatMap(aggregate.uniqueKeys ?? (() => []))) {
      const owner = this.keys.get(`${scope}:${key}`);
      if (owner && owner !== request.streamId)
        throw new ConcordError('CONFLICT', 'UNIQUE_KEY_TAKEN', `${scope} ${key}`);
      this.keys.set(`${scope}:${key}`, request.streamId);
    }
    stream.events.push(...events);
    this.streams.set(request.streamId, stream);
    const result: AppendResult = {
      streamId: request.streamId,
      version: stream.events.length,
      eventIds: events.map((_, i) => `${request.streamId}:${stream.events.length - events.length + i + 1}`),
      replayed: false,
    };
    if (request.commandId && events.length) this.processed.set(request.commandId, result);
    return result;
  }

  /** Every event of one type, across streams. */
  eventsOf(type: string): DomainEvent[] {
    return [...this.streams.values()].flatMap((s) => s.events).filter((e) => e.type === type);
  }
}
