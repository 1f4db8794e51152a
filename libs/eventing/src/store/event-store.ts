import { EventEmitter } from 'node:events';
import { ConcordError, newId, type DomainEvent } from '@concord/kernel';
import type { DataSource } from 'typeorm';
import type { EventEnvelope, EventMetadata } from '../envelope';
import type { EventRegistry } from '../event-registry';
import { rowToEnvelope, type EventRow } from './event-row';

/** A value that must be unique across streams of a scope (e.g. an organisation code). */
export interface UniqueKey {
  scope: string;
  key: string;
}

export interface AppendRequest {
  streamType: string;
  streamId: string;
  /** The stream version the caller decided on (0 for a new stream). */
  expectedVersion: number;
  events: DomainEvent[];
  metadata: EventMetadata;
  occurredAt: Date;
  uniqueKeys?: UniqueKey[];
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append. */
  version: number;
  eventIds: string[];
  /** True when the commandId had been processed before and nothing was appended now. */
  replayed: boolean;
}

const UNIQUE_VIOLATION = '23505';

/**
 * The source of truth: an append-only `events` table. One append is one transaction; the unique
 * (stream_id, version) constraint is the optimistic concurrency check, `processed_commands` makes
 * client retries idempotent, and `unique_keys` reserves values that must be unique across streams.
 */
export class EventStore {
  /** Emits 'appended' after each commit, so in-process readers can wake without polling. */
  readonly notifications = new EventEmitter();

  constructor(
    private readonly db: DataSource,
    private readonly registry: EventRegistry,
  ) {
    this.notifications.setMaxListeners(100);
  }

  /** A stream's events in version order, lifted to current schemas; optionally one page of them. */
  async readStream<D = unknown>(
    streamId: string,
    page: { afterVersion?: number; limit?: number } = {},
  ): Promise<EventEnvelope<D>[]> {
    const rows: EventRow[] = await this.db.query(
      `SELECT * FROM events WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
      [streamId, page.afterVersion ?? 0, page.limit ?? null],
    );
    return rows.map((row) => this.registry.upcast<D>(rowToEnvelope(row)));
  }

  async streamVersion(streamId: string): Promise<number> {
    const [row] = await this.db.query(`SELECT max(version) AS v FROM events WHERE stream_id = $1`, [streamId]);
    return row?.v ?? 0;
  }

  async processedCommand(commandId: string): Promise<AppendResult | undefined> {
    const [row] = await this.db.query(
      `SELECT stream_id, version, event_ids FROM processed_commands WHERE command_id = $1`,
      [commandId],
    );
    return row && { streamId: row.stream_id, version: row.version, eventIds: row.event_ids, replayed: true };
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    const { commandId } = request.metadata;
    try {
      const result = await this.insert(request);
      this.notifications.emit('appended', { ...result, streamType: request.streamType });
      return result;
    } catch (error) {
      const violated = uniqueViolation(error);
      if (violated && commandId) {
        // A concurrent retry of the same command got there first: answer as it did.
        const earlier = await this.processedCommand(commandId);
        if (earlier) return earlier;
      }
      if (violated === 'events_stream_version') {
        throw new ConcordError(
          'CONFLICT',
          'STALE_VERSION',
          `${request.streamType} ${request.streamId} has changed since version ${request.expectedVersion}; reload it and try again`,
          [{ path: 'expectedVersion', value: request.expectedVersion, message: 'is no longer the current version' }],
        );
      }
      if (violated === 'unique_keys_pkey') {
        const taken = await this.takenKey(request.uniqueKeys ?? []);
        throw new ConcordError(
          'CONFLICT',
          'UNIQUE_KEY_TAKEN',
          `${taken?.scope ?? 'a unique value'} ${JSON.stringify(taken?.key)} is already used by another stream`,
          taken ? [{ path: taken.scope, value: taken.key, message: 'is already taken' }] : [],
        );
      }
      throw error;
    }
  }

  /**
   * One statement, so one round trip and atomic without an explicit transaction: the events, the
   * processed command and the unique keys go in together or not at all. Its xid is assigned only
   * now, after the caller read the stream; the relay relies on that for per-stream order
   * (docs/adr/0003).
   */
  private async insert(request: AppendRequest): Promise<AppendResult> {
    const { streamType, streamId, expectedVersion, events, metadata, occurredAt } = request;
    const eventIds = events.map(() => newId());
    const version = expectedVersion + events.length;
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const rows = events.map(
      (event, i) =>
        `(${[
          eventIds[i],
          streamType,
          streamId,
          expectedVersion + i + 1,
          event.type,
          this.registry.schemaVersionOf(event.type),
          occurredAt,
          JSON.stringify(event.data),
          JSON.stringify(metadata),
        ]
          .map(param)
          .join(', ')})`,
    );
    const writes = [
      `INSERT INTO events (event_id, stream_type, stream_id, version, type, schema_version, occurred_at, data, metadata)
       VALUES ${rows.join(', ')}`,
    ];
    if (metadata.commandId) {
      writes.push(
        `INSERT INTO processed_commands (command_id, stream_id, version, event_ids)
         VALUES (${[metadata.commandId, streamId, version, eventIds].map(param).join(', ')})`,
      );
    }
    for (const { scope, key } of request.uniqueKeys ?? []) {
      writes.push(
        `INSERT INTO unique_keys (scope, key, stream_id) VALUES (${[scope, key, streamId].map(param).join(', ')})`,
      );
    }
    const [first, ...more] = writes;
    await this.db.query(
      more.length ? `WITH ${more.map((w, i) => `w${i} AS (${w})`).join(', ')} ${first}` : first,
      values,
    );
    return { streamId, version, eventIds, replayed: false };
  }

  private async takenKey(keys: UniqueKey[]): Promise<UniqueKey | undefined> {
    for (const key of keys) {
      const [row] = await this.db.query(`SELECT 1 FROM unique_keys WHERE scope = $1 AND key = $2`, [
        key.scope,
        key.key,
      ]);
      if (row) return key;
    }
    return undefined;
  }
}

function uniqueViolation(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint } = driverError as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION ? constraint : undefined;
}
