import DataLoader from 'dataloader';

/**
 * A DataLoader that also answers synchronously for the keys whose values it already holds
 * (primed, or loaded earlier in the request): `loadNow(key)`. A resolver that finds its value
 * there returns it at once, without a promise per field (a page of persons reads hundreds of
 * values its statement has already primed). Same cache, same lifetime (one request), cleared
 * with it; a loader made without a cache never peeks.
 */
export class PeekableLoader<K, V> extends DataLoader<K, V, K> {
  private readonly held: Map<K, V>;
  private readonly cacheMapOf: Map<K, Promise<V>>;

  constructor(batch: DataLoader.BatchLoadFn<K, V>, options: Omit<DataLoader.Options<K, V, K>, 'cacheMap' | 'cacheKeyFn'> = {}) {
    const held = new Map<K, V>();
    const cacheMap = new Map<K, Promise<V>>();
    const caching = options.cache !== false;
    super(
      async (keys) => {
        const values = await batch(keys);
        if (caching) {
          keys.forEach((key, index) => {
            const value = values[index];
            // Only while the key is still cached: a key cleared meanwhile is not held either.
            if (!(value instanceof Error) && cacheMap.has(key)) held.set(key, value);
          });
        }
        return values;
      },
      { ...options, cacheMap },
    );
    this.held = held;
    this.cacheMapOf = cacheMap;
  }

  /** The value at once when held, else loaded (batched) as by load. */
  loadNow(key: K): V | Promise<V> {
    return this.held.has(key) ? (this.held.get(key) as V) : this.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    // As DataLoader: a key already cached keeps its value.
    const fresh = !this.cacheMapOf.has(key);
    super.prime(key, value);
    if (fresh && this.cacheMapOf.has(key) && !(value instanceof Error) && !isThenable(value)) this.held.set(key, value as V);
    return this;
  }

  override clear(key: K): this {
    this.held.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.held.clear();
    return super.clearAll();
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
