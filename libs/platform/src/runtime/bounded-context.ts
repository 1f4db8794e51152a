import type { Type } from '@nestjs/common';
import { EventStore1763900000000 } from '@concord/eventing';
import type { Projection, Reactor, StreamRegistration } from '@concord/eventing';
import type { DatabaseSchema } from '../database/database';

/** What a bounded-context lib contributes to a running Concord. */
export interface BoundedContext extends DatabaseSchema {
  name: string;
  streams: StreamRegistration[];
  projections: Projection[];
  /** Consumers that turn events into commands, each in its own group (worker role). */
  reactors?: Reactor[];
  /** Nest module with its command/query handlers and GraphQL resolvers. */
  module: Type;
}

/** The database schema of a set of contexts: the event store's tables plus each read model's. */
export const schemaOf = (contexts: BoundedContext[]): DatabaseSchema => ({
  entities: contexts.flatMap((c) => c.entities as never[]),
  migrations: [EventStore1763900000000, ...contexts.flatMap((c) => c.migrations as never[])],
});
