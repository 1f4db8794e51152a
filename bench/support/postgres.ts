import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Cleanup } from './cleanup';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ThrowawayDatabase {
  name: string;
  url: string;
  adminUrl: string;
  serverVersion: string;
  settings: Record<string, string>;
}

/**
 * Creates `concord_bench_<random>` on the server of DATABASE_URL (or the local default), used only
 * as an admin connection: the bench never writes to the database the URL names. The database is
 * dropped by the cleanup, also after a failure.
 */
export async function createThrowawayDatabase(cleanup: Cleanup, prefix = 'concord_bench'): Promise<ThrowawayDatabase> {
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect().catch((error: Error) => {
    throw new Error(`cannot connect to Postgres at ${redact(adminUrl)} (set DATABASE_URL): ${error.message}`);
  });
  let serverVersion: string;
  const settings: Record<string, string> = {};
  try {
    serverVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
    for (const setting of ['synchronous_commit', 'fsync', 'shared_buffers', 'max_connections', 'wal_level']) {
      settings[setting] = (await admin.query(`SHOW ${setting}`)).rows[0][setting];
    }
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  cleanup.add(`drop database ${name}`, async () => {
    const dropper = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), adminUrl: redact(adminUrl), serverVersion, settings };
}

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
