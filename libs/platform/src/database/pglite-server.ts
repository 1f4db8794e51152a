import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
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
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => undefined;
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
      await unlock();
    },
  };
}

/** PGlite is one process's database: a second process on the same files would corrupt them. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'concord.pid');
  while (!(await createExclusively(lockFile))) {
    const holder = Number(await readFile(lockFile, 'utf8').catch(() => ''));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`the data directory ${dataDir} is in use by process ${holder}; stop it first`);
    }
    await rm(lockFile, { force: true }); // left behind by a process that is gone
  }
  return () => rm(lockFile, { force: true });
}

/** Writes our pid to a new file; false if the file exists already. */
async function createExclusively(lockFile: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
