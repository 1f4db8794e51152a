import { EventStore, type EventEnvelope } from '@concord/eventing';
import { ConcordError, decodeCursor, encodeCursor, pageSize } from '@concord/kernel';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Connection, toConnection } from './connection';
import { JSONScalar } from './json.scalar';
import { actorOf, Ctx, type RequestContext } from './request-context';

@ObjectType('Provenance', {
  description: 'Where the facts of an event came from, and which of them its source only implies',
})
class ProvenanceType {
  @Field({ description: 'The source, e.g. "seed000_jps_mentioned.csv, row JP-KHM"' }) source!: string;
  @Field(() => [String], { description: 'Facts the source does not state but were inferred, in words' })
  inferred!: string[];
}

@ObjectType('AuditEvent', { description: 'One event of a stream: what changed, when, by whom, on whose request' })
class AuditEventType {
  @Field(() => ID) eventId!: string;
  @Field() type!: string;
  @Field(() => Int) schemaVersion!: number;
  @Field() streamType!: string;
  @Field(() => ID) streamId!: string;
  @Field(() => Int) version!: number;
  @Field() occurredAt!: string;
  @Field(() => JSONScalar) data!: unknown;
  @Field() actorId!: string;
  @Field(() => [String]) actorRoles!: string[];
  @Field(() => String, { nullable: true }) actorOrganisation!: string | null;
  @Field(() => String, { nullable: true }) commandId!: string | null;
  @Field() correlationId!: string;
  @Field(() => String, { nullable: true }) causationId!: string | null;
  @Field(() => ProvenanceType, { nullable: true }) provenance!: ProvenanceType | null;
}

const AuditEventConnection = Connection(AuditEventType, 'AuditEvent');

const toAuditEvent = (e: EventEnvelope): AuditEventType => ({
  eventId: e.eventId,
  type: e.type,
  schemaVersion: e.schemaVersion,
  streamType: e.streamType,
  streamId: e.streamId,
  version: e.version,
  occurredAt: e.occurredAt,
  data: e.data,
  actorId: e.metadata.actor.id,
  actorRoles: e.metadata.actor.roles,
  actorOrganisation: e.metadata.actor.organisation ?? null,
  commandId: e.metadata.commandId ?? null,
  correlationId: e.metadata.correlationId,
  causationId: e.metadata.causationId ?? null,
  provenance: e.metadata.provenance ?? null,
});

/** The audit trail is the event stream itself, oldest first; it names people, so sign-in is needed. */
@Resolver()
export class AuditTrailResolver {
  constructor(private readonly store: EventStore) {}

  @Query(() => AuditEventConnection)
  async auditTrail(
    @Ctx() ctx: RequestContext,
    @Args('streamId', { type: () => ID }) streamId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    actorOf(ctx);
    const size = pageSize(first);
    const from = after ? Number(decodeCursor(after)) : 0;
    if (!Number.isInteger(from) || from < 0) {
      throw ConcordError.badInput('INVALID_CURSOR', {
        path: 'after',
        value: after,
        message: 'is not an audit-trail cursor',
      });
    }
    const events = await this.store.readStream(streamId, { afterVersion: from, limit: size + 1 });
    return toConnection({
      nodes: events.slice(0, size).map((e) => ({ cursor: encodeCursor(String(e.version)), node: toAuditEvent(e) })),
      hasNextPage: events.length > size,
      totalCount: () => this.store.streamVersion(streamId),
    });
  }
}
