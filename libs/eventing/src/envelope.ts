import type { Actor } from '@concord/kernel';

export interface EventMetadata {
  actor: Actor;
  commandId?: string;
  correlationId: string;
  /** The id of the event or command that caused this one. */
  causationId?: string;
  /** Where the facts came from when not from the actor's own knowledge (an import, the demo). */
  provenance?: Provenance;
}

/** The source of an event's facts, and which of them the source only implies. */
export interface Provenance {
  /** e.g. "seed000_jps_mentioned.csv, row JP-KHM". */
  source: string;
  /** Each fact the source does not state but the loader inferred, in words. */
  inferred: string[];
}

/** An event as stored and as carried on every event log. */
export interface EventEnvelope<D = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamType: string;
  streamId: string;
  /** 1-based position within the stream. */
  version: number;
  occurredAt: string;
  data: D;
  metadata: EventMetadata;
  /** Global position in the events table (a bigint as text); informational, not an order. */
  position: string;
}
