import { describe, expect, it } from 'vitest';
import { ResponseCache, type CachedResponse } from '../../src/http/response-cache.js';

const entry = (text: string, etag?: string): CachedResponse => ({ text, status: 200, headers: [], etag, lastModified: undefined });

describe('ResponseCache', () => {
  it('finds nothing on a first lookup and keeps what is stored after it', async () => {
    const cache = new ResponseCache();
    expect(await cache.lookup('GET a')).toEqual({});
    await cache.store('GET a', entry('{"a":1}'));
    expect((await cache.lookup('GET a')).fresh?.text).toBe('{"a":1}');
  });

  it('keeps an entry stored before any lookup', async () => {
    const cache = new ResponseCache();
    await cache.store('GET a', entry('x'));
    expect((await cache.lookup('GET a')).fresh?.text).toBe('x');
  });

  it('loads one LRU for every call made while it loads: what one stores, the next finds', async () => {
    const cache = new ResponseCache();
    // The store goes first: a second LRU made for the lookup would replace the one holding 'GET a'.
    await Promise.all([cache.store('GET a', entry('x')), cache.lookup('GET b')]);
    expect((await cache.lookup('GET a')).fresh?.text).toBe('x');
  });

  it('treats an entry older than the caller’s maxAge as stale when it has a validator', async () => {
    const cache = new ResponseCache();
    await cache.store('GET a', entry('x', '"v1"'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { fresh, stale } = await cache.lookup('GET a', 1);
    expect(fresh).toBeUndefined();
    expect(stale?.etag).toBe('"v1"');
  });

  it('drops an expired entry without validators', async () => {
    const cache = new ResponseCache({ ttl: 1 });
    await cache.store('GET a', entry('x'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await cache.lookup('GET a')).toEqual({});
  });

  it('clears without error before it has loaded, and forgets entries after', async () => {
    const cache = new ResponseCache();
    cache.clear();
    await cache.store('GET a', entry('x'));
    cache.clear();
    expect(await cache.lookup('GET a')).toEqual({});
  });
});
