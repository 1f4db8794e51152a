import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * How many rows a query matches. TypeORM's getCount() counts DISTINCT ids, which sorts every match;
 * read-model queries join nothing that repeats rows, so a plain COUNT(*) is the same number, and
 * Postgres can answer it from a covering index alone.
 */
export async function countRows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<number> {
  const row: { count: number } | undefined = await query
    .clone()
    .select('COUNT(*)::int', 'count')
    .orderBy()
    .limit()
    .offset()
    .getRawOne();
  return row?.count ?? 0;
}
