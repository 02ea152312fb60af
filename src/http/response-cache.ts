import { LRUCache } from 'lru-cache';
import type { CacheOptions } from './transport-types.js';

/** What the cache keeps of an answer: the text body, so `parse` runs again on every hit. */
export interface CachedResponse {
  text: string;
  status: number;
  headers: [string, string][];
  etag: string | undefined;
  lastModified: string | undefined;
  /** When the entry was stored or last confirmed (ms since the epoch). */
  storedAt?: number;
}

/** The result of a cache lookup: a fresh entry, a stale one worth revalidating, or nothing. */
export interface CacheLookup {
  fresh?: CachedResponse;
  stale?: CachedResponse;
}

// Rough per-entry overhead so that tiny bodies still count against maxBytes.
const ENTRY_OVERHEAD = 64;

/**
 * An LRU cache of response bodies with TTL and a size budget. Stale entries that carry an
 * `ETag` or `Last-Modified` are kept for conditional revalidation; others are dropped.
 */
export class ResponseCache {
  readonly #lru: LRUCache<string, CachedResponse>;
  readonly #ttl: number;

  constructor(options: CacheOptions = {}) {
    this.#ttl = Math.max(1, options.ttl ?? 300_000);
    this.#lru = new LRUCache<string, CachedResponse>({
      max: Math.max(1, options.max ?? 500),
      maxSize: Math.max(1, options.maxBytes ?? 50 * 1024 * 1024),
      sizeCalculation: (entry) => entry.text.length + ENTRY_OVERHEAD,
      ttl: this.#ttl,
      noDeleteOnStaleGet: true,
      // lru-cache refreshes its clock on a timer by default; a change check repeated within the
      // same tick must see an entry that just went stale as stale.
      ttlResolution: 0,
    });
  }

  /**
   * Finds an entry for `key`. `maxAge` (ms) is the caller's own freshness: an entry stored for
   * longer by another caller is treated as stale for this one, and revalidated.
   */
  lookup(key: string, maxAge?: number): CacheLookup {
    const fresh = this.#lru.get(key);
    if (fresh && (maxAge === undefined || Date.now() - (fresh.storedAt ?? 0) < maxAge)) return { fresh };
    if (fresh) return fresh.etag !== undefined || fresh.lastModified !== undefined ? { stale: fresh } : {};
    const stale = this.#lru.peek(key, { allowStale: true });
    if (!stale) return {};
    if (stale.etag !== undefined || stale.lastModified !== undefined) return { stale };
    this.#lru.delete(key);
    return {};
  }

  /**
   * Stores an entry; `ttl` overrides the default freshness. lru-cache reads a TTL of 0 as
   * "forever", so the shortest TTL is 1 ms (an entry that is revalidated on every use).
   */
  store(key: string, entry: CachedResponse, ttl?: number): void {
    this.#lru.set(key, { ...entry, storedAt: Date.now() }, { ttl: Math.max(1, ttl ?? this.#ttl) });
  }

  /** Forgets every entry. */
  clear(): void {
    this.#lru.clear();
  }
}
