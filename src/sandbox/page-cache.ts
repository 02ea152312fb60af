import type { SandboxContext } from './flavor.js';

/**
 * Rendered page bodies, least recently used first out, bounded in bytes. Benchmarks and test
 * suites read the same pages again and again; generating and serialising 200 rows costs far more
 * than sending their bytes, and the sandbox should never be the slow side of a measurement.
 * Keys carry the dataset's version, so a mutation never serves a stale page.
 */
export class PageCache {
  private readonly pages = new Map<string, Uint8Array<ArrayBuffer>>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  /** The cached body for `key`, or the body `render` makes (then cached). */
  get(key: string, render: () => Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
    const cached = this.pages.get(key);
    if (cached) {
      // Map order is insertion order: re-inserting marks the page as recently used.
      this.pages.delete(key);
      this.pages.set(key, cached);
      return cached;
    }
    const body = render();
    if (body.byteLength > this.budget) return body;
    this.pages.set(key, body);
    this.bytes += body.byteLength;
    for (const [oldest, page] of this.pages) {
      if (this.bytes <= this.budget) break;
      this.pages.delete(oldest);
      this.bytes -= page.byteLength;
    }
    return body;
  }
}

/** The page cache of one sandbox (flavors share it through the context's state). */
export function pageCacheOf(context: SandboxContext): PageCache {
  let cache = context.state.get('page-cache') as PageCache | undefined;
  if (!cache) {
    cache = new PageCache(context.pageCacheBytes);
    context.state.set('page-cache', cache);
  }
  return cache;
}
