import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { get, NOW } from './ckan-call.js';

describe('sandbox.mutate on the ckan flavor', () => {
  it('shows in metadata_modified, the resource last_modified and the rows', async () => {
    let now = NOW;
    const sandbox = createSandbox({ flavor: 'ckan', seed: 8, clock: () => now, sizes: { 'nb-food-licenses': 200 } });
    const before = (await get(sandbox, 'package_show', { id: 'nb-food-licenses' })).body.result;
    const rowsBefore = (await get(sandbox, 'datastore_search', { resource_id: 'nb-food-licenses', limit: 1000 })).body.result;

    const latest = Math.max(...sandbox.datasets.map((dataset) => dataset.updatedAt.getTime()));
    now = new Date(latest + 86_400_000 + 30 * 60_000);
    const stamp = `${now.toISOString().slice(0, 23)}000`;
    const change = sandbox.mutate({ dataset: 'nb-food-licenses', add: 4, update: 3, remove: 2 });

    const after = (await get(sandbox, 'package_show', { id: 'nb-food-licenses' })).body.result;
    expect(after.metadata_modified).toBe(stamp);
    expect(after.metadata_modified).not.toBe(before.metadata_modified);
    expect(after.resources[0].last_modified).toBe(stamp);
    expect(after.resources[0].metadata_modified).toBe(stamp);
    expect(after.id).toBe(before.id);

    const rowsAfter = (await get(sandbox, 'datastore_search', { resource_id: 'nb-food-licenses', limit: 1000 })).body.result;
    expect(rowsAfter.total).toBe(rowsBefore.total + 4 - 2);
    const key = sandbox.datasets.find((dataset) => dataset.id === 'nb-food-licenses')!.key;
    const keys = rowsAfter.records.map((record: any) => record[key]);
    for (const added of change.added) expect(keys).toContain(added);
    for (const removed of change.removed) expect(keys).not.toContain(removed);
    const lastId = rowsBefore.records.at(-1)._id;
    expect(rowsAfter.records.slice(-4).every((record: any) => record._id > lastId)).toBe(true);
    for (const updated of change.updated) {
      const record = rowsAfter.records.find((r: any) => r[key] === updated);
      expect(record.updated_at).toBe(stamp.slice(0, 19));
    }

    const since = await get(sandbox, 'package_search', { fq: `metadata_modified:[${new Date(latest + 1000).toISOString().slice(0, 19)}Z TO *]` });
    // Live parking data is always modified "now"; of the others only the mutated dataset is new.
    expect(since.body.result.results.map((pkg: any) => pkg.name).sort()).toEqual(['hz-parking-lots', 'nb-food-licenses']);
  });
});
