/**
 * Runs `work` on every item with at most `limit` at a time, and resolves when all are done (or
 * rejects with the first failure, after the ones running have settled). For independent writes
 * that each wait on the database, so a few in flight keep it busy.
 */
export async function eachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (!failure && next < items.length) {
        const index = next++;
        try {
          await work(items[index], index);
        } catch (error) {
          failure ??= { error };
        }
      }
    }),
  );
  if (failure) throw failure.error;
}
