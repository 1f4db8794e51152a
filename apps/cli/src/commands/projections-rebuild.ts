import { EventRegistry, rebuildProjection, tableHash } from '@concord/eventing';
import { configOrExit, openDatabase, schemaOf, type BoundedContext } from '@concord/platform';

/** `concord projections rebuild <name|all>`: truncate and replay, with progress and table hashes. */
export async function rebuildCommand(contexts: BoundedContext[], names: string[]): Promise<number> {
  const all = contexts.flatMap((c) => c.projections);
  if (names.length === 0)
    throw new Error(`projections rebuild: name a projection or "all" (${all.map((p) => p.name).join(', ')})`);
  const chosen = names.includes('all') ? all : all.filter((p) => names.includes(p.name));
  const unknown = names.filter((n) => n !== 'all' && !all.some((p) => p.name === n));
  if (unknown.length) throw new Error(`projections rebuild: no projection named ${unknown.join(', ')}`);

  const config = configOrExit();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }, schemaOf(contexts));
  try {
    const registry = new EventRegistry(contexts.flatMap((c) => c.streams));
    for (const projection of chosen) {
      const started = Date.now();
      const count = await rebuildProjection(database.dataSource, registry, projection, ({ events, total }) => {
        if (process.stderr.isTTY)
          process.stderr.write(
            `\r${projection.name}: ${events}/${total} events (${Math.round((100 * events) / Math.max(total, 1))}%)`,
          );
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      const hashes = await Promise.all(
        projection.tables.map(async (t) => `${t}=${await tableHash(database.dataSource, t)}`),
      );
      process.stdout.write(
        `${projection.name}: replayed ${count} events in ${Date.now() - started} ms; ${hashes.join(' ')}\n`,
      );
    }
  } finally {
    await database.close();
  }
  return 0;
}
