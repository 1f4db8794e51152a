import { join } from 'node:path';
import { DataSource, type MixedList } from 'typeorm';
import { startPgliteServer } from './pglite-server';

export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

export interface Database {
  dataSource: DataSource;
  engine: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/**
 * Opens the database and brings its schema up to date with the migrations (never `synchronize`).
 * Without a URL, PGlite under `<dataDir>/pglite` (in memory without a dataDir) is the engine:
 * same SQL, same code path.
 */
export async function openDatabase(
  options: { url?: string; dataDir?: string; poolSize?: number },
  schema: DatabaseSchema,
): Promise<Database> {
  const pglite = options.url
    ? undefined
    : await startPgliteServer(options.dataDir === undefined ? undefined : join(options.dataDir, 'pglite'));
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url ?? pglite!.url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Expected failures (version conflicts, taken keys) are reported by the callers, not logged here.
    logging: false,
    // One connection to PGlite: its socket server interleaves the extended-protocol messages of
    // concurrent connections outside transactions (docs/adr/0002). Postgres without JIT: compiling
    // a plan cost more than running it for every read model statement measured (docs/adr/0015);
    // PGlite has no JIT.
    extra: pglite ? { max: 1 } : { max: options.poolSize ?? 20, options: '-c jit=off' },
  });
  try {
    await dataSource.initialize();
    // PGlite serves one process, so there is no one to race; its single connection cannot hold a lock.
    await (pglite ? dataSource.runMigrations() : migrateExclusively(dataSource));
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    await pglite?.stop();
    throw error;
  }
  return {
    dataSource,
    engine: pglite ? 'pglite' : 'postgres',
    async close() {
      await dataSource.destroy();
      await pglite?.stop();
    },
  };
}

const MIGRATION_LOCK = 7_262_019_000;

/** Replicas starting together must not run the same migration twice. */
async function migrateExclusively(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    await dataSource.runMigrations();
  } finally {
    await lock.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
