import DataLoader from 'dataloader';
import type { RequestContext } from './request-context';

/**
 * A DataLoader per request and key: relations resolve in one query per level, not one per row.
 * `group` maps the batch's rows back to the keys they belong to.
 */
export function loaderFor<K, V, R>(
  ctx: RequestContext,
  name: string,
  fetch: (keys: readonly K[]) => Promise<R[]>,
  group: (rows: R[], key: K) => V,
): DataLoader<K, V> {
  const loaders = (ctx.loaders ??= new Map());
  let loader = loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(async (keys) => {
      const rows = await fetch(keys);
      return keys.map((key) => group(rows, key));
    });
    loaders.set(name, loader);
  }
  return loader;
}
