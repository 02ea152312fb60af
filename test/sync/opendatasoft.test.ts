import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore } from '../../src/index.js';
import { DATASET, KEY, remoteSync } from './remote-sync.js';
import { sorted } from './sync-harness.js';

describe('sync on opendatasoft', () => {
  it('answers a no-change pull with the catalogue entry alone', async () => {
    const { client, seen } = remoteSync('opendatasoft');
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore() });
    await sync.pull();
    seen.length = 0;
    const changes = await sync.pull();
    expect(changes.stats.unchanged).toBe(true);
    expect(changes.stats.pages).toBe(0);
    expect(seen.map(({ path }) => path)).toEqual([`/api/explore/v2.1/catalog/datasets/${DATASET}`]);
  });

  it('reads changed rows in 100-row keyset pages at offset 0, never through an export', async () => {
    const { client, mutate, seen } = remoteSync('opendatasoft');
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
    const { client, mutate, seen } = remoteSync('opendatasoft');
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
});
