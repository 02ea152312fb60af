import { describe, expect, it } from 'vitest';
import { sandboxClient } from './sandbox-client.js';

const FOOD = 'nb-food-licenses';
const SIZES = { [FOOD]: 1_000 };
const RETRY = { retries: 8, minDelay: 1, maxDelay: 5 };
const KEY = { zhejiang: 'XKZBH', ckan: 'license_no' } as const;

describe.each(['zhejiang', 'ckan'] as const)('a full pull on the %s flavor with 15%% of requests failing', (flavor) => {
  it.each([1, 7, 42])('returns every row exactly once and in order (fault seed %i)', async (seed) => {
    const clean = sandboxClient({ flavor, sizes: SIZES });
    const expected = await clean.client.datasets.records(FOOD, { pageSize: 50 }).toArray();
    expect(expected).toHaveLength(1_000);

    const faulty = sandboxClient({ flavor, sizes: SIZES, faults: { rate: 0.15, seed, retryAfter: 0 } }, { retry: RETRY });
    const rows = await faulty.client.datasets.records(FOOD, { pageSize: 50 }).toArray();
    expect(rows).toEqual(expected);
    expect(new Set(rows.map((row) => row[KEY[flavor]])).size).toBe(1_000);
    const injected = Object.values(faulty.sandbox.stats.faults).reduce((sum, count) => sum + count, 0);
    expect(injected).toBeGreaterThan(0);
    expect(faulty.sandbox.stats.faults.slow).toBe(0);
  });
});
