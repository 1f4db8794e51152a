import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * How many rows a query matches. TypeORM's getCount() counts DISTINCT ids, which sorts every match;
 * read-model queries join nothing that repeats rows, so a plain COUNT(*) is the same number, and
 * Postgres can answer it from a covering index alone.
 */
async function countRows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<number> {
  const row: { count: number } | undefined = await query
    .clone()
    .select('COUNT(*)::int', 'count')
    .orderBy()
    .limit()
    .offset()
    .getRawOne();
  return row?.count ?? 0;
}

/**
 * The count of what `query` matches as it stands now (later changes to it, such as a cursor
 * condition, do not count), run on the first call only.
 */
export function countWhenAsked<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): () => Promise<number> {
  const counting = query.clone();
  let count: Promise<number> | undefined;
  return () => (count ??= countRows(counting));
}
