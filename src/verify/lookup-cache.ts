import { LRUCache } from 'lru-cache';

/** Settings of a remote verifier's answer cache. */
export interface LookupCacheOptions {
  /** Numbers remembered. @default 10_000 */
  readonly max?: number | undefined;
  /** Milliseconds an answer is trusted. @default 300_000 */
  readonly ttl?: number | undefined;
}

/**
 * Remembers remote answers by number, so a merchant listed twice costs one request; concurrent
 * asks for one number share the request. Failures are not remembered: the next ask tries again.
 */
export class LookupCache<Value> {
  private readonly entries: LRUCache<string, { value: Promise<Value> }> | undefined;

  constructor(options: LookupCacheOptions | false) {
    this.entries = options === false ? undefined : new LRUCache({ max: options.max ?? 10_000, ttl: options.ttl ?? 300_000 });
  }

  /** The remembered answer for `key`, or the one `load` gives. */
  get(key: string, load: () => Promise<Value>): Promise<Value> {
    if (!this.entries) return load();
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const entry = { value: load() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries?.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  /** Forgets every answer. */
  clear(): void {
    this.entries?.clear();
  }
}
