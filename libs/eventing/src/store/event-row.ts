import type { EventEnvelope } from '../envelope';

/** A row of the `events` table as the pg driver returns it. */
export interface EventRow {
  position: string;
  event_id: string;
  stream_type: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  occurred_at: Date;
  data: unknown;
  metadata: EventEnvelope['metadata'];
  tx_id: string;
}

export const rowToEnvelope = (row: EventRow): EventEnvelope => ({
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  streamType: row.stream_type,
  streamId: row.stream_id,
  version: row.version,
  occurredAt: new Date(row.occurred_at).toISOString(),
  data: row.data,
  metadata: row.metadata,
  position: String(row.position),
});
