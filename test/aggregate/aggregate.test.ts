import { describe, expect, it } from 'vitest';
import { createClient, portals } from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';

describe('datasets.aggregate', () => {
  it('gives the same numbers computed by the socrata portal and by the client', async () => {
    const sandbox = createSandbox({ flavor: 'socrata', seed: 4 });
    const client = createClient({ portal: portals.socrata({ baseUrl: sandbox.url, pollInterval: 1 }), fetch: sandbox.fetch, retry: { retries: 2, minDelay: 1, maxDelay: 5 } });
    const options = { groupBy: 'district', metrics: { n: 'count', free: ['sum', 'free_spaces'], most: ['max', 'total_spaces'] } } as const;
    const portal = await client.datasets.aggregate('hz-parking-lots', options);
    const local = await client.datasets.aggregate('hz-parking-lots', { ...options, pushdown: false });
    expect(portal.computedBy).toBe('portal');
    expect(local.computedBy).toBe('client');
    expect(portal.rows.length).toBeGreaterThan(1);
    expect(portal.rows).toEqual(local.rows);
  });

  it('refuses a metric that is not count or [fn, column]', async () => {
    const sandbox = createSandbox({ flavor: 'socrata', seed: 4 });
    const client = createClient({ portal: portals.socrata({ baseUrl: sandbox.url }), fetch: sandbox.fetch });
    await expect(client.datasets.aggregate('hz-parking-lots', { metrics: { n: ['median', 'x'] as never } })).rejects.toThrow(/expected 'count'/);
  });
});
