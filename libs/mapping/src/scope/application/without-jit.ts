import type { DataSource } from 'typeorm';

/**
 * One read statement with Postgres' JIT compilation off. The mapping statements unnest arrays, so
 * the planner's estimates run to millions of rows and JIT compiles them: 1.2 s of a 1.7 s world
 * answer on 20,000 activities went to compiling (docs/benchmarks.md), for queries that then run in
 * tens of milliseconds. SET LOCAL needs a transaction; it ends with the statement.
 */
export function queryWithoutJit<T>(db: DataSource, sql: string, params: unknown[]): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return tx.query<T>(sql, params);
  });
}
