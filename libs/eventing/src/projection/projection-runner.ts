import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '../envelope';
import type { EventLog } from '../log/event-log';
import { sleep } from '../log/wait';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** Attempts for one event before it is dead-lettered. */
  maxAttempts?: number;
  backoffMs?: number;
  onDeadLetter?(projection: string, event: EventEnvelope, error: unknown): void;
  onApplied?(projection: string, count: number): void;
  /** The fast path failed; the batch is being redone event by event. */
  onBatchFailed?(error: unknown): void;
}

/**
 * Applies event batches to projections idempotently. The fast path applies a whole batch in one
 * transaction; if that fails, the batch is redone one event per transaction with retries, and an
 * event that keeps failing is parked (dead_letters table and the log's dead-letter topic) so the
 * consumer goes on.
 */
export class ProjectionRunner {
  constructor(
    private readonly db: DataSource,
    private readonly log: Pick<EventLog, 'deadLetter'>,
    private readonly groupId: string,
    readonly projections: Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  async handle(batch: EventEnvelope[]): Promise<void> {
    try {
      await this.db.transaction((tx) => this.apply(tx, this.projections, batch));
    } catch (error) {
      this.options.onBatchFailed?.(error);
      for (const event of batch) {
        for (const projection of this.projections) await this.applyOneWithRetries(projection, event);
      }
    }
  }

  /** Applies a batch inside the caller's transaction; rebuild uses it directly. */
  async apply(tx: EntityManager, projections: Projection[], batch: EventEnvelope[]): Promise<void> {
    for (const projection of projections) {
      // Shared with other appliers, exclusive for a rebuild (projection-rebuild.ts).
      await tx.query(`SELECT pg_advisory_xact_lock_shared(hashtext($1))`, [projection.name]);
      const seen = await this.lastVersions(tx, projection.name, batch);
      const applied = new Map<string, number>();
      let count = 0;
      for (const event of batch) {
        const last = applied.get(event.streamId) ?? seen.get(event.streamId) ?? 0;
        if (event.version <= last) continue;
        if (projection.eventTypes.includes(event.type)) {
          await projection.apply(event, tx);
          count++;
        }
        applied.set(event.streamId, event.version);
      }
      await this.saveVersions(tx, projection.name, applied);
      this.options.onApplied?.(projection.name, count);
    }
  }

  private async applyOneWithRetries(projection: Projection, event: EventEnvelope): Promise<void> {
    const { maxAttempts = 3, backoffMs = 200 } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.transaction((tx) => this.apply(tx, [projection], [event]));
        return;
      } catch (error) {
        if (attempt >= maxAttempts) return this.park(projection, event, error, attempt);
        await sleep(backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private async park(projection: Projection, event: EventEnvelope, error: unknown, attempts: number): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO dead_letters (consumer, event_id, stream_id, version, type, error, attempts, envelope)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (consumer, event_id) DO NOTHING`,
        [
          projection.name,
          event.eventId,
          event.streamId,
          event.version,
          event.type,
          message,
          attempts,
          JSON.stringify(event),
        ],
      );
      // Counted as handled, so a redelivery does not retry it forever; replay it from dead_letters.
      await this.saveVersions(tx, projection.name, new Map([[event.streamId, event.version]]));
    });
    await this.log.deadLetter(this.groupId, event, message);
    this.options.onDeadLetter?.(projection.name, event, error);
  }

  private async lastVersions(
    tx: EntityManager,
    projection: string,
    batch: EventEnvelope[],
  ): Promise<Map<string, number>> {
    const rows: { stream_id: string; version: number }[] = await tx.query(
      `SELECT stream_id, version FROM projection_checkpoints WHERE projection = $1 AND stream_id = ANY($2)`,
      [projection, [...new Set(batch.map((e) => e.streamId))]],
    );
    return new Map(rows.map((r) => [r.stream_id, r.version]));
  }

  private async saveVersions(tx: EntityManager, projection: string, versions: Map<string, number>): Promise<void> {
    if (versions.size === 0) return;
    await tx.query(
      `INSERT INTO projection_checkpoints (projection, stream_id, version)
       SELECT $1, s, v FROM unnest($2::text[], $3::int[]) AS t(s, v)
       ON CONFLICT (projection, stream_id) DO UPDATE SET version = GREATEST(projection_checkpoints.version, EXCLUDED.version)`,
      [projection, [...versions.keys()], [...versions.values()]],
    );
  }
}
