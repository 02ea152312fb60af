import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createClient, MemoryCheckpointStore, portals, RateLimitError, type RetryEvent } from '../../src/index.js';

const zhejiangUrl = inject('zhejiangUrl');
const ckanUrl = inject('ckanUrl');
const faultyUrl = inject('faultyUrl');
const retryAfter = inject('retryAfter');

// The sandbox's public credentials (`defaultSandboxCredentials`), written out so this file
// imports nothing of the sandbox into the page.
const APP_SECRET = 'kaifang-sandbox-secret';
const APP_KEY = 'kaifang-sandbox-app';

const zhejiang = () => createClient({ portal: portals.zhejiang({ baseUrl: zhejiangUrl, appSecret: APP_SECRET, appKey: APP_KEY }), retry: false });
const ckan = () => createClient({ portal: portals.ckan({ baseUrl: ckanUrl }), retry: false });

describe('kaifang in a browser page against a cross-origin sandbox', () => {
  it('runs in a real browser, on another origin than the sandbox', () => {
    expect(typeof window).toBe('object');
    expect(new URL(zhejiangUrl).origin).not.toBe(location.origin);
  });

  it('searches the zhejiang catalogue and pages through it', async () => {
    const page = await zhejiang().catalog.search({ q: '停车', limit: 5 });
    expect(page.items.map((dataset) => dataset.id)).toContain('hz-parking-lots');
    expect(page.items[0]?.portal.family).toBe('zhejiang');
    const all = [];
    for await (const dataset of zhejiang().catalog.searchAll({ limit: 2 })) all.push(dataset.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['hz-parking-lots', 'nb-food-licenses']));
  });

  it('reads records typed by a schema, with client-side filters on zhejiang', async () => {
    const Lot = z.object({ TCCBH: z.string(), SSQX: z.string(), KXBW: z.coerce.number() });
    const lots = await zhejiang().datasets.records('hz-parking-lots', { schema: Lot, where: { SSQX: '西湖区' }, limit: 30 }).toArray();
    expect(lots).toHaveLength(30);
    for (const lot of lots) {
      expect(lot.SSQX).toBe('西湖区');
      expect(Number.isFinite(lot.KXBW)).toBe(true);
    }
  });

  it('reads every row of a dataset over ckan datastore paging', async () => {
    const client = ckan();
    const dataset = await client.datasets.get('nb-food-licenses');
    expect(dataset.portal.family).toBe('ckan');
    expect(dataset.name).toBe('nb-food-licenses');
    const rows = await client.datasets.records('nb-food-licenses', { pageSize: 70 }).toArray();
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((row) => row['license_no'])).size).toBe(300);
  });

  it('syncs a dataset into a MemoryCheckpointStore and finds nothing new on the second pull', async () => {
    const store = new MemoryCheckpointStore();
    const sync = zhejiang().sync('nb-food-licenses', { key: 'XKZBH', store });
    const first = await sync.pull();
    expect(first.added).toHaveLength(300);
    expect(first.removed).toEqual([]);
    expect(await store.load('nb-food-licenses')).toBeDefined();
    const second = await sync.pull();
    expect(second.added).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.removed).toEqual([]);
    expect(second.stats.unchanged).toBe(true);
  });

  it('verifies food licences remotely on ckan and from a snapshot on zhejiang', async () => {
    const rows = await ckan().datasets.records('nb-food-licenses', { where: { status: '有效' }, limit: 1 }).toArray();
    const number = String(rows[0]?.['license_no']);
    const remote = ckan().licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses' });
    const snapshot = zhejiang().licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses' });
    expect(await remote.mode()).toBe('remote');
    expect(await snapshot.mode()).toBe('snapshot');
    const [fromRemote, fromSnapshot] = await Promise.all([remote.verify({ number }), snapshot.verify({ number })]);
    expect(fromRemote.license?.number).toBe(number);
    expect(fromSnapshot.license?.number).toBe(number);
    expect(fromRemote.status).toBe(fromSnapshot.status);
    expect(['valid', 'expired']).toContain(fromRemote.status);
    const missing = await remote.verify({ number: 'JY13301080111719' });
    expect(missing.status).toBe('not_found');
    expect((await remote.verify({ number: 'not a licence' })).status).toBe('invalid_format');
  });

  it('reads Retry-After of a 429 through CORS and waits that long before retrying', async () => {
    const retries: RetryEvent[] = [];
    const client = createClient({
      portal: portals.ckan({ baseUrl: faultyUrl }),
      cache: false,
      headers: { 'x-run': crypto.randomUUID() },
      retry: { retries: 2, minDelay: 1, maxDelay: 5 },
      hooks: { onRetry: (event) => retries.push(event) },
    });
    const started = performance.now();
    const dataset = await client.datasets.get('hz-parking-lots');
    expect(dataset.name).toBe('hz-parking-lots');
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toBeInstanceOf(RateLimitError);
    expect(retries[0]?.delay).toBe(retryAfter * 1000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(retryAfter * 1000 - 50);
  });

  it('fails with a RateLimitError carrying retryAfter when the wait is longer than allowed', async () => {
    const client = createClient({
      portal: portals.ckan({ baseUrl: faultyUrl }),
      cache: false,
      headers: { 'x-run': crypto.randomUUID() },
      retry: { retries: 2, maxRetryAfter: 10 },
    });
    const error = await client.datasets.get('hz-parking-lots').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).retryAfter).toBe(retryAfter * 1000);
  });
});
