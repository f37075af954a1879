import { ClsService } from 'nestjs-cls';

type Fetch<K, V> = (keys: K[]) => Promise<Map<K, V>>;

interface Pending<K, V> {
  key: K;
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the keys that sibling field resolvers ask for in the same turn of the event loop and fetches
 * them with one query: the `pillars` of twenty contracts cost one query, not twenty (a tiny DataLoader).
 *
 * Deliberately without a cache: a mutation may change the rows between two loads of the same request,
 * and a stale answer would be worse than a second query.
 */
export class BatchLoader<K, V> {
  private queue: Pending<K, V>[] = [];

  constructor(private readonly fetch: Fetch<K, V>) {}

  /** The value for `key`, or undefined when the fetch found none. */
  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      // setImmediate runs once the promise jobs of the current turn are drained, so every sibling
      // resolver (whose guards and pipes take a few promise hops) has queued its key by then.
      if (this.queue.length === 0) setImmediate(() => void this.dispatch());
      this.queue.push({ key, resolve, reject });
    });
  }

  private async dispatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const found = await this.fetch([...new Set(batch.map((p) => p.key))]);
      for (const p of batch) p.resolve(found.get(p.key));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}

/**
 * The loader named `name` of the current request (or job), created on first use. It lives in the
 * request's CLS store, so it dies with the request and never mixes two tenants' rows.
 */
export function requestLoader<K, V>(cls: ClsService, name: symbol, fetch: Fetch<K, V>): BatchLoader<K, V> {
  let loader = cls.get<BatchLoader<K, V> | undefined>(name);
  if (!loader) {
    loader = new BatchLoader(fetch);
    cls.set(name, loader);
  }
  return loader;
}

/** Groups rows by a key, keeping their order: the usual shape of a batch of one-to-many lookups. */
export function groupBy<K, V>(rows: V[], keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
