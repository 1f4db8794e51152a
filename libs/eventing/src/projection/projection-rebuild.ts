import type { DataSource, EntityManager } from 'typeorm';
import type { EventRegistry } from '../event-registry';
import { rowToEnvelope, type EventRow } from '../store/event-row';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

export interface RebuildProgress {
  projection: string;
  events: number;
  total: number;
}

/**
 * Drops a projection's tables and replays the whole events table into them, in one transaction
 * that holds the projection's lock exclusively: live consumers wait, then skip what the rebuild
 * applied (their per-stream checkpoints say so). Read models are disposable; this proves it.
 */
export async function rebuildProjection(
  db: DataSource,
  registry: EventRegistry,
  projection: Projection,
  onProgress: (p: RebuildProgress) => void = () => undefined,
  batchSize = 2000,
): Promise<number> {
  const runner = new ProjectionRunner(db, { deadLetter: async () => undefined }, 'rebuild', [projection]);
  const session = db.createQueryRunner();
  await session.connect();
  try {
    // Locked before the snapshot is taken: a live applier that was mid-batch has then committed,
    // so the snapshot sees its writes and the checkpoints it moved (no serialisation failure).
    await session.query(`SELECT pg_advisory_lock(hashtext($1))`, [projection.name]);
    // One snapshot for the whole replay, so no late commit slips between two batches.
    await session.startTransaction('REPEATABLE READ');
    try {
      const done = await replay(session.manager, registry, runner, projection, onProgress, batchSize);
      await session.commitTransaction();
      return done;
    } catch (error) {
      await session.rollbackTransaction();
      throw error;
    } finally {
      await session.query(`SELECT pg_advisory_unlock(hashtext($1))`, [projection.name]);
    }
  } finally {
    await session.release();
  }
}

async function replay(
  tx: EntityManager,
  registry: EventRegistry,
  runner: ProjectionRunner,
  projection: Projection,
  onProgress: (p: RebuildProgress) => void,
  batchSize: number,
): Promise<number> {
  await tx.query(`TRUNCATE ${projection.tables.map((t) => `"${t}"`).join(', ')}`);
  await tx.query(`DELETE FROM projection_checkpoints WHERE projection = $1`, [projection.name]);
  const [{ total }] = await tx.query(`SELECT count(*)::int AS total FROM events`);
  // Parked events stay unapplied, as they are in the live read model, until replayed from there.
  const parked = new Set<string>(
    (await tx.query(`SELECT event_id FROM dead_letters WHERE consumer = $1`, [projection.name])).map(
      (r: { event_id: string }) => r.event_id,
    ),
  );
  let after = '0';
  let done = 0;
  for (;;) {
    const rows: EventRow[] = await tx.query(`SELECT * FROM events WHERE position > $1 ORDER BY position LIMIT $2`, [
      after,
      batchSize,
    ]);
    if (rows.length === 0) return done;
    // Within one committed snapshot, position order is per-stream version order.
    const batch = rows.filter((r) => !parked.has(r.event_id)).map((r) => registry.upcast(rowToEnvelope(r)));
    await runner.apply(tx, [projection], batch);
    after = String(rows[rows.length - 1].position);
    done += rows.length;
    onProgress({ projection: projection.name, events: done, total });
  }
}

/** An order-independent fingerprint of a table's contents, to prove a rebuild changed nothing. */
export async function tableHash(db: DataSource, table: string): Promise<string> {
  const [row] = await db.query(
    `SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS hash FROM "${table}" t`,
  );
  return row.hash;
}
