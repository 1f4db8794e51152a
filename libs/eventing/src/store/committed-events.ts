import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '../envelope';
import { rowToEnvelope, type EventRow } from './event-row';

/** Where a reader of the events table stands: the last (transaction id, position) it handled. */
export interface LogPosition {
  txId: string;
  position: string;
}

export const LOG_START: LogPosition = { txId: '0', position: '0' };

/**
 * Reads the events table in commit-safe order. A bigserial position does not commit in order, so
 * readers order by the writer's transaction id (xid8) and stop below the oldest transaction still
 * running (`pg_snapshot_xmin`): an event committed late by a concurrent transaction can then never
 * land behind a position a reader has already passed (docs/adr/0003).
 */
export class CommittedEvents {
  constructor(private readonly db: DataSource) {}

  async readAfter(
    after: LogPosition,
    limit: number,
    streamTypes?: string[],
  ): Promise<{ events: EventEnvelope[]; last?: LogPosition }> {
    const rows: EventRow[] = await this.db.query(
      `SELECT * FROM events
        WHERE (tx_id, position) > ($1::xid8, $2::bigint)
          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
          ${streamTypes ? 'AND stream_type = ANY($4)' : ''}
        ORDER BY tx_id, position
        LIMIT $3`,
      streamTypes ? [after.txId, after.position, limit, streamTypes] : [after.txId, after.position, limit],
    );
    const lastRow = rows.at(-1);
    return {
      events: rows.map(rowToEnvelope),
      last: lastRow && { txId: lastRow.tx_id, position: String(lastRow.position) },
    };
  }

  /**
   * The last event readers can see now; events still being written lie beyond it, since their
   * transaction ids are at least the snapshot's xmin.
   */
  async head(): Promise<LogPosition> {
    const [row] = await this.db.query(
      `SELECT tx_id::text AS tx_id, position::text AS position FROM events
        WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY tx_id DESC, position DESC LIMIT 1`,
    );
    return row ? { txId: row.tx_id, position: row.position } : LOG_START;
  }

  /** How many events lie beyond a position (relay / consumer lag). */
  async countAfter(after: LogPosition, streamTypes?: string[]): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM events WHERE (tx_id, position) > ($1::xid8, $2::bigint)
        ${streamTypes ? 'AND stream_type = ANY($3)' : ''}`,
      streamTypes ? [after.txId, after.position, streamTypes] : [after.txId, after.position],
    );
    return row.n;
  }

  async checkpoint(name: string): Promise<LogPosition> {
    const [row] = await this.db.query(
      `SELECT tx_id::text AS tx_id, position::text AS position FROM event_log_checkpoints WHERE name = $1`,
      [name],
    );
    return row ? { txId: row.tx_id, position: row.position } : LOG_START;
  }

  async saveCheckpoint(name: string, at: LogPosition, tx: EntityManager | DataSource = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO event_log_checkpoints (name, tx_id, position, updated_at) VALUES ($1, $2::xid8, $3, now())
       ON CONFLICT (name) DO UPDATE SET tx_id = EXCLUDED.tx_id, position = EXCLUDED.position, updated_at = now()`,
      [name, at.txId, at.position],
    );
  }
}
