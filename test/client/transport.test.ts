import { describe, expect, it } from 'vitest';
import { NotFoundError, TimeoutError, type RetryEvent } from '../../src/index.js';
import type { FaultScriptEntry } from '../../src/sandbox/index.js';
import { sandboxClient } from './sandbox-client.js';

function withRetryLog(faults: readonly FaultScriptEntry[], flavor: 'zhejiang' | 'ckan' = 'ckan') {
  const retries: RetryEvent[] = [];
  const setup = sandboxClient({ flavor, faults }, { hooks: { onRetry: (event) => retries.push(event) } });
  return { ...setup, retries };
}

describe('retries through the client', () => {
  it.each([
    ['a 503', { kind: 'unavailable' }],
    ['a 429 with Retry-After: 0', { kind: 'rate-limit', retryAfter: 0 }],
    ['a connection reset', { kind: 'reset' }],
    ['an HTML page with status 200', { kind: 'html' }],
    ['a truncated body', { kind: 'truncate' }],
  ] as const)('retries %s twice and then succeeds', async (_, fault) => {
    const { client, requests, retries } = withRetryLog([{ match: 'package_show', times: 2, ...fault }]);
    const dataset = await client.datasets.get('nb-food-licenses');
    expect(dataset.name).toBe('nb-food-licenses');
    expect(requests.count('package_show')).toBe(3);
    expect(retries.map((event) => event.attempt)).toEqual([1, 2]);
  });

  it('gives up after the configured retries with the last error', async () => {
    const { client, requests } = withRetryLog([{ match: 'package_show', times: 10, kind: 'unavailable' }]);
    await expect(client.datasets.get('nb-food-licenses')).rejects.toThrow('503');
    expect(requests.count('package_show')).toBe(4);
  });

  it('does not retry a 404', async () => {
    const { client, requests, retries } = withRetryLog([]);
    const error = await client.datasets.get('no-such-dataset').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(requests.count()).toBe(1);
    expect(retries).toEqual([]);
  });

  it('does not retry a request the caller aborted', async () => {
    const { client, requests, retries } = withRetryLog([{ match: 'package_show', kind: 'slow', delay: 10_000 }]);
    const controller = new AbortController();
    const pending = client.datasets.get('nb-food-licenses', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 10);
    await expect(pending).rejects.toThrow('stop');
    expect(requests.count()).toBe(1);
    expect(retries).toEqual([]);
  });

  it('a signal aborted before the call sends nothing', async () => {
    const { client, requests } = withRetryLog([]);
    await expect(client.datasets.records('nb-food-licenses', { signal: AbortSignal.abort() }).toArray()).rejects.toThrow();
    expect(requests.count()).toBe(0);
  });
});

describe('cache through the client', () => {
  it('makes one request for two concurrent identical datasets.get calls', async () => {
    const { client, requests } = sandboxClient({ flavor: 'ckan' }, { cache: { ttl: 60_000 } });
    const [a, b] = await Promise.all([client.datasets.get('nb-food-licenses'), client.datasets.get('nb-food-licenses')]);
    expect(a).toEqual(b);
    expect(requests.count()).toBe(1);
    await client.datasets.get('nb-food-licenses');
    expect(requests.count()).toBe(1);
  });

  it('bypasses the cache when a call asks', async () => {
    const { client, requests } = sandboxClient({ flavor: 'zhejiang' }, { cache: { ttl: 60_000 } });
    await client.datasets.get('nb-food-licenses');
    await client.datasets.get('nb-food-licenses', { cache: false });
    expect(requests.count()).toBe(2);
  });

  it('never caches record pages unless asked', async () => {
    const { client, requests } = sandboxClient({ flavor: 'zhejiang', sizes: { 'nb-food-licenses': 30 } }, { cache: { ttl: 60_000 } });
    await client.datasets.records('nb-food-licenses', { limit: 5 }).toArray();
    await client.datasets.records('nb-food-licenses', { limit: 5 }).toArray();
    expect(requests.count('get_data')).toBe(2);
  });
});

describe('timeouts through the client', () => {
  const slowDataset = () => sandboxClient({ flavor: 'ckan', faults: [{ match: 'package_show', kind: 'slow', delay: 150, times: 10 }] }, { timeout: 20, retry: false });

  it('ends an attempt that outlasts the client’s timeout with a TimeoutError', async () => {
    const { client, requests } = slowDataset();
    const error = await client.datasets.get('nb-food-licenses').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeout).toBe(20);
    expect(requests.count('package_show')).toBe(1);
  });

  it('lets one call override the timeout, or turn it off with timeout: false', async () => {
    const { client, requests } = slowDataset();
    await expect(client.datasets.get('nb-food-licenses', { timeout: 5_000 })).resolves.toMatchObject({ name: 'nb-food-licenses' });
    await expect(client.datasets.get('nb-food-licenses', { timeout: false })).resolves.toMatchObject({ name: 'nb-food-licenses' });
    await expect(client.datasets.get('nb-food-licenses', { timeout: 10 })).rejects.toMatchObject({ timeout: 10 });
    expect(requests.count('package_show')).toBe(3);
  });
});
