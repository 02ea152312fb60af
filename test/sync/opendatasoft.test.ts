import { describe, expect, it } from 'vitest';
import { createClient, MemoryCheckpointStore, portals } from '../../src/index.js';
import { createSandbox, type FaultOptions } from '../../src/sandbox/index.js';
import { sorted } from './sync-harness.js';

const DATASET = 'nb-food-licenses';
const KEY = 'license_no';

/**
 * An opendatasoft sandbox whose clock the test moves (row dates have whole seconds, so mutations
 * one hour apart are told apart), and a client whose requests take a millisecond.
 */
function odsSync(faults?: FaultOptions) {
  let now = new Date('2026-11-26T08:00:00Z').getTime();
  const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 7, extraDatasets: 0, sizes: { [DATASET]: 300 }, clock: () => new Date(now), ...(faults ? { faults } : {}) });
  const seen: { path: string; status: number }[] = [];
  const client = createClient({
    portal: portals.opendatasoft({ baseUrl: sandbox.url }),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const response = await sandbox.fetch(request);
      seen.push({ path: new URL(request.url).pathname, status: response.status });
      return response;
    },
    retry: { retries: 8, minDelay: 1, maxDelay: 5 },
  });
  const mutate = (options: { add?: number; update?: number; remove?: number }) => {
    now += 3_600_000;
    return sandbox.mutate({ dataset: DATASET, ...options });
  };
  return { sandbox, client, seen, mutate };
}

describe('sync on opendatasoft', () => {
  it('reports exactly the rows added, updated and removed, reading only the rows modified since the last pull', async () => {
    const { client, mutate } = odsSync();
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore(), keyScanEvery: 1 });
    const first = await sync.pull();
    expect(first.added).toHaveLength(300);
    expect(first.stats.strategy).toBe('modified-since');
    expect(first.checkpoint.modifiedColumn).toBe('updated_at');
    for (let round = 1; round <= 2; round++) {
      const mutation = mutate({ add: 4, update: 5, remove: 3 });
      const changes = await sync.pull();
      expect(sorted(changes.added.map((row) => row[KEY] as string))).toEqual(sorted(mutation.added));
      expect(sorted(changes.updated.map((row) => row[KEY] as string))).toEqual(sorted(mutation.updated));
      expect(sorted(changes.removed)).toEqual(sorted(mutation.removed));
      // The nine changed rows, plus any re-read through the one-minute overlap: never the whole dataset.
      expect(changes.stats.rowsRead).toBeLessThan(20);
      expect(changes.checkpoint.hashes.size).toBe(300 + round);
    }
  });

  it('finds updates that leave the row count unchanged', async () => {
    const { client, mutate } = odsSync();
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore() });
    await sync.pull();
    const mutation = mutate({ update: 2 });
    const changes = await sync.pull();
    expect(sorted(changes.updated.map((row) => row[KEY] as string))).toEqual(sorted(mutation.updated));
    expect(changes.added).toEqual([]);
  });

  it('answers a no-change pull with the catalogue entry alone', async () => {
    const { client, seen } = odsSync();
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore() });
    await sync.pull();
    seen.length = 0;
    const changes = await sync.pull();
    expect(changes.stats.unchanged).toBe(true);
    expect(changes.stats.pages).toBe(0);
    expect(seen.map(({ path }) => path)).toEqual([`/api/explore/v2.1/catalog/datasets/${DATASET}`]);
  });

  it('reads changed rows in 100-row keyset pages at offset 0, never through an export', async () => {
    const { client, mutate, seen } = odsSync();
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore(), keyScanEvery: 100 });
    await sync.pull();
    const mutation = mutate({ update: 250 });
    seen.length = 0;
    const changes = await sync.pull();
    // The sandbox may pick a row twice: each changed row is reported once.
    expect(sorted(changes.updated.map((row) => row[KEY] as string))).toEqual(sorted([...new Set(mutation.updated)]));
    // 100-row pages, each at offset 0 after the last (updated_at, license_no) pair.
    const pages = seen.filter(({ path }) => path.endsWith('/records'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(seen.some(({ path }) => path.endsWith('/exports/jsonl'))).toBe(false);
  });

  it('falls back to the change check and a streamed full pull when asked to', async () => {
    const { client, mutate, seen } = odsSync();
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore(), strategy: 'change-check' });
    await sync.pull();
    const mutation = mutate({ add: 3, update: 2, remove: 2 });
    seen.length = 0;
    const changes = await sync.pull();
    expect(changes.stats.strategy).toBe('change-check');
    expect(sorted(changes.added.map((row) => row[KEY] as string))).toEqual(sorted(mutation.added));
    expect(sorted(changes.updated.map((row) => row[KEY] as string))).toEqual(sorted(mutation.updated));
    expect(sorted(changes.removed)).toEqual(sorted(mutation.removed));
    expect(seen.filter(({ path }) => path.endsWith('/exports/jsonl'))).toHaveLength(1);
  });

  it('gives the same change set when 15% of requests fail and are retried', async () => {
    const clean = odsSync();
    const faulted = odsSync({ rate: 0.15, seed: 1, retryAfter: 0 });
    const results = [];
    for (const { client, mutate, sandbox } of [clean, faulted]) {
      const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore(), keyScanEvery: 1, pageSize: 50 });
      const first = await sync.pull();
      expect(first.added).toHaveLength(300);
      mutate({ add: 6, update: 7, remove: 4 });
      const changes = await sync.pull();
      results.push({
        added: sorted(changes.added.map((row) => row[KEY] as string)),
        updated: sorted(changes.updated.map((row) => row[KEY] as string)),
        removed: sorted(changes.removed),
        faults: Object.values(sandbox.stats.faults).reduce((sum, count) => sum + count, 0),
      });
    }
    const [expected, actual] = results;
    expect(actual?.faults).toBeGreaterThan(0);
    expect(actual?.added).toEqual(expected?.added);
    expect(actual?.updated).toEqual(expected?.updated);
    expect(actual?.removed).toEqual(expected?.removed);
    expect(expected?.added).toHaveLength(6);
  });
});
