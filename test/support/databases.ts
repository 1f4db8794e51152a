import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type Database, type DatabaseSchema } from '@concord/platform';

export interface TestDatabase extends Database {
  url?: string;
}

/**
 * A database of its own for one test file: a fresh `concord_test_…` database on the run's Postgres
 * server, or an in-memory PGlite when the run has no server. Migrations run as in production.
 */
export async function createTestDatabase(
  schema: DatabaseSchema,
  options: { needsServer?: boolean } = {},
): Promise<TestDatabase> {
  const adminUrl = process.env.CONCORD_TEST_PG_ADMIN_URL;
  if (adminUrl === undefined) throw new Error('test/support/global-setup.js did not run');
  if (!adminUrl && options.needsServer) {
    throw new Error(
      'This suite tests distributed mode (Kafka relay, several processes), which needs a Postgres server: ' +
        'set DATABASE_URL or run Postgres on 127.0.0.1:5432. PGlite serves embedded mode only.',
    );
  }
  if (!adminUrl) return openDatabase({}, schema);

  const name = `concord_test_${process.env.CONCORD_TEST_RUN}_${randomBytes(3).toString('hex')}`;
  if (!name.includes('test')) throw new Error(`refusing to use database ${name}: its name lacks "test"`);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 12 }, schema);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = new Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
