import DataLoader from 'dataloader';

/**
 * One registry per request. A loader batches every key asked for in the same tick into one
 * query, so a list of N entities costs one SQL statement per entity type, not N.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch);
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Puts rows in the order of the keys that asked for them; a missing key gets null. */
export function alignByKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): Array<T | null> {
  const byKey = new Map<K, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Groups rows under the keys that asked for them; a key with no rows gets an empty list. */
export function groupByKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
