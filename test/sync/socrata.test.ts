import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore } from '../../src/index.js';
import { DATASET, KEY, remoteSync } from './remote-sync.js';

describe('sync on socrata', () => {
  it('answers a no-change pull with the view and a count, both revalidated as 304', async () => {
    const { client, seen } = remoteSync('socrata');
    const sync = client.sync(DATASET, { key: KEY, store: new MemoryCheckpointStore() });
    await sync.pull();
    seen.length = 0;
    const changes = await sync.pull();
    expect(changes.stats.unchanged).toBe(true);
    expect(changes.stats.pages).toBe(0);
    expect(seen.map(({ path }) => path).sort()).toEqual([`/api/views/${DATASET}.json`, `/resource/${DATASET}.json`]);
    expect(seen.every(({ status }) => status === 304)).toBe(true);
  });
});
