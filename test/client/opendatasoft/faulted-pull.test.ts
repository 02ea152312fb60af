import { describe, expect, it } from 'vitest';
import { odsClient, rejectionOf } from './ods-client.js';

const FOOD = 'nb-food-licenses';
const NOW = new Date('2026-11-26T10:00:00Z');
const SIZES = { [FOOD]: 3_000 };

describe('a full pull on the opendatasoft flavor with 15% of requests failing', () => {
  it.each([1, 7, 42])('returns every row exactly once and in order (fault seed %i)', async (seed) => {
    const clean = odsClient({ clock: () => NOW, sizes: SIZES });
    const expected = await clean.client.datasets.records(FOOD).toArray();
    expect(expected).toHaveLength(3_000);

    const faulty = odsClient({ clock: () => NOW, sizes: SIZES, faults: { rate: 0.15, seed, retryAfter: 0 } }, { retry: { retries: 8, minDelay: 1, maxDelay: 5 } });
    // Several pulls in a row, so the stream itself is faulted (truncated) as well as its opening.
    for (let pull = 0; pull < 4; pull++) {
      const rows = await faulty.client.datasets.records(FOOD).toArray();
      expect(rows).toEqual(expected);
    }
    const injected = Object.values(faulty.sandbox.stats.faults).reduce((sum, count) => sum + count, 0);
    expect(injected).toBeGreaterThan(0);
  });

  it('resumes an export stream cut off mid-way instead of returning it short', async () => {
    const clean = odsClient({ clock: () => NOW, sizes: SIZES });
    const expected = await clean.client.datasets.records(FOOD).toArray();
    const faulty = odsClient({ clock: () => NOW, sizes: SIZES, faults: [{ match: '/exports/jsonl', kind: 'truncate', times: 2 }] });
    const rows = await faulty.client.datasets.records(FOOD).toArray();
    expect(rows).toEqual(expected);
    expect(faulty.sandbox.stats.faults.truncate).toBe(2);
    expect(faulty.count('/exports/jsonl')).toBe(3);
  });

  it('fails with a clear error when the export keeps breaking without progress', async () => {
    const faulty = odsClient({ clock: () => NOW, sizes: { [FOOD]: 1 }, faults: [{ match: '/exports/jsonl', kind: 'truncate', times: 50 }] }, { retry: false });
    const error = await rejectionOf<Error>(faulty.client.datasets.records(FOOD).toArray());
    expect(error.name).toBe('NetworkError');
    expect(error.message).toContain('the export stream broke after 0 rows');
    expect(faulty.count('/exports/jsonl')).toBe(3);
  });
});
