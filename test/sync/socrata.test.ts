import { describe, expect, it } from 'vitest';
import { createClient, MemoryCheckpointStore, portals } from '../../src/index.js';
import { createSandbox, type FaultOptions } from '../../src/sandbox/index.js';
import { sorted } from './sync-harness.js';

const DATASET = 'nb-food-licenses';
const KEY = 'license_no';

/**
 * A socrata sandbox whose clock the test moves (SODA dates have whole seconds, so mutations one
 * hour apart are told apart), and a client whose requests take a millisecond, as any real one does.
 */
function socrataSync(faults?: FaultOptions) {
  let now = new Date('2026-11-26T08:00:00Z').getTime();
  const sandbox = createSandbox({ flavor: 'socrata', seed: 7, extraDatasets: 0, sizes: { [DATASET]: 300 }, clock: () => new Date(now), ...(faults ? { faults } : {}) });
  const seen: { path: string; status: number }[] = [];
  const client = createClient({
    portal: portals.socrata({ baseUrl: sandbox.url, appToken: sandbox.credentials.apiToken, pollInterval: 1 }),
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

describe('sync on socrata', () => {
  it('reports exactly the rows added, updated and removed, reading only the rows modified since the last pull', async () => {
    const { client, mutate } = socrataSync();
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
    const { client, mutate } = socrataSync();
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore() });
    await sync.pull();
    const mutation = mutate({ update: 2 });
    const changes = await sync.pull();
    expect(sorted(changes.updated.map((row) => row[KEY] as string))).toEqual(sorted(mutation.updated));
    expect(changes.added).toEqual([]);
  });

  it('answers a no-change pull with the view and a count, both revalidated as 304', async () => {
    const { client, seen } = socrataSync();
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore() });
    await sync.pull();
    seen.length = 0;
    const changes = await sync.pull();
    expect(changes.stats.unchanged).toBe(true);
    expect(changes.stats.pages).toBe(0);
    expect(seen.map(({ path }) => path).sort()).toEqual([`/api/views/${DATASET}.json`, `/resource/${DATASET}.json`]);
    expect(seen.every(({ status }) => status === 304)).toBe(true);
  });

  it('gives the same change set when 15% of requests fail and are retried', async () => {
    const clean = socrataSync();
    const faulted = socrataSync({ rate: 0.15, seed: 5, retryAfter: 0 });
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
