import type { LRUCache } from 'lru-cache';
import { loadOnce } from '../lazy/load-once.js';
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

type Lru = LRUCache<string, CachedResponse>;

// Rough per-entry overhead so that tiny bodies still count against maxBytes.
const ENTRY_OVERHEAD = 64;

/**
 * An LRU cache of response bodies with TTL and a size budget. Stale entries that carry an
 * `ETag` or `Last-Modified` are kept for conditional revalidation; others are dropped.
 * lru-cache loads on the first lookup, so an app that never makes a cached request never ships it.
 */
export class ResponseCache {
  #lru: Lru | undefined;
  readonly #options: CacheOptions;
  readonly #ttl: number;
  /** The LRU, loading lru-cache once; a failed load (a page gone offline) is tried again next time. */
  readonly #load = loadOnce(() =>
    import('lru-cache').then(({ LRUCache }) =>
      (this.#lru ??= new LRUCache<string, CachedResponse>({
        max: Math.max(1, this.#options.max ?? 500),
        maxSize: Math.max(1, this.#options.maxBytes ?? 50 * 1024 * 1024),
        sizeCalculation: (entry) => entry.text.length + ENTRY_OVERHEAD,
        ttl: this.#ttl,
        noDeleteOnStaleGet: true,
        // lru-cache refreshes its clock on a timer by default; a change check repeated within the
        // same tick must see an entry that just went stale as stale.
        ttlResolution: 0,
      })),
    ),
  );

  constructor(options: CacheOptions = {}) {
    this.#options = options;
    this.#ttl = Math.max(1, options.ttl ?? 300_000);
  }

  /**
   * Finds an entry for `key`. `maxAge` (ms) is the caller's own freshness: an entry stored for
   * longer by another caller is treated as stale for this one, and revalidated.
   */
  async lookup(key: string, maxAge?: number): Promise<CacheLookup> {
    const lru = this.#lru ?? (await this.#load());
    const fresh = lru.get(key);
    if (fresh && (maxAge === undefined || Date.now() - (fresh.storedAt ?? 0) < maxAge)) return { fresh };
    if (fresh) return fresh.etag !== undefined || fresh.lastModified !== undefined ? { stale: fresh } : {};
    const stale = lru.peek(key, { allowStale: true });
    if (!stale) return {};
    if (stale.etag !== undefined || stale.lastModified !== undefined) return { stale };
    lru.delete(key);
    return {};
  }

  /**
   * Stores an entry; `ttl` overrides the default freshness. lru-cache reads a TTL of 0 as
   * "forever", so the shortest TTL is 1 ms (an entry that is revalidated on every use).
   * Resolves once stored: only before the first lookup does that wait for lru-cache to load.
   */
  async store(key: string, entry: CachedResponse, ttl?: number): Promise<void> {
    const stored = { ...entry, storedAt: Date.now() };
    const lru = this.#lru ?? (await this.#load());
    lru.set(key, stored, { ttl: Math.max(1, ttl ?? this.#ttl) });
  }

  /** Forgets every entry. */
  clear(): void {
    this.#lru?.clear();
  }
}
