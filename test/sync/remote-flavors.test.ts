import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore } from '../../src/index.js';
import { DATASET, KEY, remoteSync, type RemoteFlavor } from './remote-sync.js';
import { sorted } from './sync-harness.js';

/** The seed of each flavor's injected faults. */
const FLAVORS: readonly { flavor: RemoteFlavor; faultSeed: number }[] = [
  { flavor: 'socrata', faultSeed: 5 },
  { flavor: 'opendatasoft', faultSeed: 1 },
];

describe.each(FLAVORS)('sync on $flavor', ({ flavor, faultSeed }) => {
  it('reports exactly the rows added, updated and removed, reading only the rows modified since the last pull', async () => {
    const { client, mutate } = remoteSync(flavor);
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
    const { client, mutate } = remoteSync(flavor);
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore() });
    await sync.pull();
    const mutation = mutate({ update: 2 });
    const changes = await sync.pull();
    expect(sorted(changes.updated.map((row) => row[KEY] as string))).toEqual(sorted(mutation.updated));
    expect(changes.added).toEqual([]);
  });

  it('gives the same change set when 15% of requests fail and are retried', async () => {
    const clean = remoteSync(flavor);
    const faulted = remoteSync(flavor, { rate: 0.15, seed: faultSeed, retryAfter: 0 });
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
