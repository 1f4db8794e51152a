// What the read-side benchmarks share: the SQL one GraphQL request runs, captured from TypeORM's
// logger, and a comparison of the request over HTTP with that SQL sent straight to Postgres.
import { createHttpApp, mintToken, type Config, type Runtime } from '@concord/platform';
import { Pool } from 'pg';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Cleanup } from './cleanup';
import { cpuMeter } from './cpu';
import { runHttpLoad } from './http-load';
import { closedLoop, distribution, type Distribution } from './stats';

/**
 * The two sides to compare, on a database at rest: the runtime's GraphQL over HTTP with a viewer
 * token, and a pool of as many raw `pg` clients as there will be HTTP clients.
 */
export async function startBothSides(
  runtime: Runtime,
  config: Config,
  databaseUrl: string,
  clients: number,
  cleanup: Cleanup,
): Promise<{ url: string; token: string; raw: Pool }> {
  // What autovacuum does to tables at rest: statistics, and the visibility map index-only scans need.
  await runtime.dataSource.query('VACUUM ANALYZE');
  const app = await createHttpApp(runtime, { api: true, worker: true });
  cleanup.add('close the HTTP server', () => app.close());
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const token = await mintToken({ sub: 'bench', roles: ['viewer'] }, config.auth);
  const raw = new Pool({ connectionString: databaseUrl, max: clients });
  cleanup.add('close the raw pool', () => raw.end());
  return { url, token, raw };
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The read-model statements `request` runs, in order, from TypeORM's logger: those naming a table
 * that matches `tables`. The in-process event log keeps polling `events` and the checkpoints
 * meanwhile; those are not the request's.
 */
export async function captureSql(
  runtime: Runtime,
  tables: RegExp,
  request: () => Promise<unknown>,
): Promise<Statement[]> {
  const ds = runtime.dataSource as { logger: TypeOrmLogger };
  const original = ds.logger;
  const captured: Statement[] = [];
  ds.logger = Object.assign(Object.create(original) as TypeOrmLogger, {
    logQuery: (sql: string, params?: unknown[]) => {
      if (tables.test(sql)) captured.push({ sql, params: params ?? [] });
    },
  });
  try {
    await request();
  } finally {
    ds.logger = original;
  }
  if (!captured.length) throw new Error('captured no SQL: the request did not reach the read models');
  return captured;
}

/** Filters as they occur: one entry per share of the data, most common first, cycled by the clients. */
export function weighted<R extends { n: number }>(
  rows: R[],
  toFilter: (row: R) => Record<string, string>,
  slots = 200,
) {
  const total = rows.reduce((s, r) => s + r.n, 0);
  return rows.flatMap((row) =>
    Array.from({ length: Math.max(1, Math.round((row.n / total) * slots)) }, () => toFilter(row)),
  );
}

/** Replaces a parameter value of the captured request by this request's; others stay as captured. */
export const substitute = (params: unknown[], from: Record<string, unknown>, to: Record<string, unknown>) =>
  params.map((p) => {
    const key = Object.keys(from).find((k) => from[k] === p);
    return key === undefined ? p : to[key];
  });

export interface Comparison {
  url: string;
  token: string;
  query: string;
  /** The clients cycle through these; `statementsFor(i)` is the SQL of `variables[i]`. */
  variables: Record<string, unknown>[];
  /** The SQL of request i, given the rows of the statements before it (a DataLoader's keys come from a page). */
  replay(i: number, statement: Statement, earlier: Record<string, unknown>[][]): Statement;
  captured: Statement[];
  /** Statements independent of each other run at once, as the API runs them (Promise.all). */
  parallel?: boolean;
  raw: Pool;
  clients: number;
  warmupPerClient: number;
  requestsPerClient: number;
  rounds: number;
  progress(message: string): void;
}

export interface ComparisonResult {
  apiMs: Distribution;
  rawSqlMs: Distribution;
  apiOverRawP95: number;
  runs: Record<string, unknown>[];
}

/**
 * The request over GraphQL/HTTP against its SQL on a pg pool, in alternating rounds after a
 * warm-up; the distributions pool every round.
 */
export async function compareApiWithSql(c: Comparison): Promise<ComparisonResult> {
  const viaApi = async (perClient: number) => {
    const r = await runHttpLoad({
      url: c.url,
      token: c.token,
      query: c.query,
      variables: c.variables,
      clients: c.clients,
      perClient,
    });
    return { latencies: r.latenciesMs, perSecond: Math.round((r.latenciesMs.length / r.ms) * 1000) };
  };
  const viaSql = async (perClient: number) => {
    const latencies: number[] = [];
    const r = await closedLoop(c.clients, perClient, async (client, n) => {
      const t = performance.now();
      const i = (client * perClient + n) % c.variables.length;
      const earlier: Record<string, unknown>[][] = [];
      if (c.parallel) {
        await Promise.all(
          c.captured.map((s) => c.replay(i, s, earlier)).map(({ sql, params }) => c.raw.query(sql, params)),
        );
      } else {
        for (const statement of c.captured) {
          const { sql, params } = c.replay(i, statement, earlier);
          earlier.push((await c.raw.query(sql, params)).rows);
        }
      }
      latencies.push(performance.now() - t);
    });
    return { latencies, perSecond: r.perSecond };
  };
  await viaApi(c.warmupPerClient);
  await viaSql(c.warmupPerClient);
  const api: number[] = [];
  const sql: number[] = [];
  const runs: Record<string, unknown>[] = [];
  for (let round = 1; round <= c.rounds; round++) {
    for (const [via, measure, into] of [
      ['api', viaApi, api],
      ['sql', viaSql, sql],
    ] as const) {
      const cpu = cpuMeter();
      const { latencies, perSecond } = await measure(c.requestsPerClient);
      const d = distribution(latencies, 2);
      into.push(...latencies);
      runs.push({ round, via, perSecond, p50: d.p50, p95: d.p95, cpu: cpu() });
      c.progress(`  round ${round} ${via}: p50 ${d.p50} ms, p95 ${d.p95} ms, ${perSecond}/s`);
    }
  }
  const apiMs = distribution(api, 2);
  const rawSqlMs = distribution(sql, 2);
  return { apiMs, rawSqlMs, apiOverRawP95: Math.round((apiMs.p95 / rawSqlMs.p95) * 100) / 100, runs };
}
