import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface PgliteServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves PGlite (Postgres compiled to WASM) over the Postgres wire protocol on a loopback port, so
 * the ordinary `pg` driver and TypeORM's postgres driver use it unchanged (docs/adr/0002).
 * `dataDir` undefined keeps the database in memory (tests).
 */
export async function startPgliteServer(dataDir?: string): Promise<PgliteServer> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = new PGlite(dataDir);
  await db.waitReady;
  // Several pool connections may be open; the server runs their transactions one at a time.
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
