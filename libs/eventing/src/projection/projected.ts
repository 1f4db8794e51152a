import type { DataSource } from 'typeorm';
import { sleep } from '../log/wait';

/**
 * Waits until projections have applied given stream versions, for a consumer that reads their
 * read models after an event of its own group: another group projects the event, perhaps not
 * yet. Throws after `timeoutMs`, so the consumer's batch is delivered again.
 */
export async function awaitProjected(
  db: DataSource,
  projections: readonly string[],
  versions: ReadonlyMap<string, number>,
  { timeoutMs = 30_000, pollMs = 10 } = {},
): Promise<void> {
  if (!versions.size || !projections.length) return;
  const deadline = Date.now() + timeoutMs;
  const streams = [...versions.keys()];
  for (;;) {
    const rows: { projection: string; stream_id: string; version: number }[] = await db.query(
      `SELECT projection, stream_id, version FROM projection_checkpoints WHERE projection = ANY($1) AND stream_id = ANY($2)`,
      [projections, streams],
    );
    const applied = new Set(
      rows.filter((r) => r.version >= versions.get(r.stream_id)!).map((r) => `${r.projection} ${r.stream_id}`),
    );
    const missing = projections.flatMap((p) =>
      streams.filter((s) => !applied.has(`${p} ${s}`)).map((s) => `${p} ${s}`),
    );
    if (!missing.length) return;
    if (Date.now() > deadline)
      throw new Error(`projections have not caught up after ${timeoutMs} ms: ${missing.slice(0, 5).join(', ')}`);
    await sleep(pollMs);
  }
}
