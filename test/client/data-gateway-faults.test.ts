import { describe, expect, it } from 'vitest';
import { gatewayHarness } from './data-gateway-harness.js';

const SIZES = { 'nb-food-licenses': 1_000, 'nb-business-licenses': 1_000, 'hz-parking-lots': 1_000 };
const RETRY = { retries: 8, minDelay: 1, maxDelay: 5 };
const STYLES = [
  ['status', 'nb-food-licenses', 'XKZBH'],
  ['code', 'nb-business-licenses', 'TYSHXYDM'],
  ['rows', 'hz-parking-lots', 'TCCBH'],
] as const;

describe.each(STYLES)('a full pull through the data gateway (%s style, %s) with 15%% of requests failing', (_style, id, key) => {
  it.each([1, 7, 42, 2024, 31337])('returns every row exactly once and in order (fault seed %i)', async (seed) => {
    // A clock that stands still keeps the live parking data put; the quota is off for that clock.
    const now = Date.now();
    const sandbox = { sizes: SIZES, clock: () => new Date(now), gatewayCallsPerSecond: Infinity };
    const clean = gatewayHarness({ sandbox });
    const expected = await clean.client.datasets.records(id, { pageSize: 50 }).toArray();
    expect(expected).toHaveLength(1_000);

    const faulty = gatewayHarness({ sandbox: { ...sandbox, faults: { rate: 0.15, seed, retryAfter: 0 } }, client: { retry: RETRY } });
    const rows = await faulty.client.datasets.records(id, { pageSize: 50 }).toArray();
    expect(rows).toEqual(expected);
    expect(new Set(rows.map((row) => row[key])).size).toBe(1_000);
    const injected = faulty.sandbox.stats.faults;
    expect(Object.values(injected).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(injected.slow).toBe(0);
    // Both steps met faults: signs and calls alike were made again.
    expect(faulty.count('createsign.do')).toBeGreaterThan(clean.count('createsign.do'));
    expect(faulty.count('gateway.do')).toBeGreaterThan(clean.count('gateway.do'));
  });
});
