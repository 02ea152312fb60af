import { describe, expect, it } from 'vitest';
import { ArgumentError, DatasetDriftError, MemoryCheckpointStore, SyncKeyError } from '../../src/index.js';
import { harness } from './sync-harness.js';

describe('bad input', () => {
  it('a key column the rows do not have is a SyncKeyError listing the columns', async () => {
    const { client } = harness({ flavor: 'zhejiang' });
    const store = new MemoryCheckpointStore();
    const error = await client.sync('nb-food-licenses', { key: 'license_no', store }).pull().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncKeyError);
    expect(error).toMatchObject({ problem: 'missing_column', key: 'license_no', message: expect.stringContaining('XKZBH') });
    expect(await store.load('nb-food-licenses')).toBeUndefined();
  });

  it('two rows with the same key are a SyncKeyError naming the key, and nothing is committed', async () => {
    const { sandbox, client } = harness({ flavor: 'ckan' });
    const store = new MemoryCheckpointStore();
    const sync = client.sync('nb-food-licenses', { key: 'license_no', store });
    await sync.pull();
    const saved = await store.load('nb-food-licenses');
    const [first] = (await client.datasets.records('nb-food-licenses', { limit: 1 }).toArray()) as Record<string, string>[];
    sandbox.mutate({ dataset: 'nb-food-licenses', add: [{ license_no: first?.['license_no'] as string, holder_name: '重复' }] });
    const error = await sync.pull().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncKeyError);
    expect(error).toMatchObject({ problem: 'duplicate', value: first?.['license_no'], message: expect.stringContaining(first?.['license_no'] as string) });
    expect(await store.load('nb-food-licenses')).toBe(saved);
  });

  it('a row without a key value is a SyncKeyError naming its position', async () => {
    const { sandbox, client } = harness({ flavor: 'ckan' });
    sandbox.mutate({ dataset: 'nb-food-licenses', add: [{ license_no: '', holder_name: '无证' }] });
    await expect(client.sync('nb-food-licenses', { key: 'license_no', store: new MemoryCheckpointStore() }).pull()).rejects.toMatchObject({
      name: 'SyncKeyError', problem: 'missing_value', value: 300, message: expect.stringContaining('Row 300'),
    });
  });

  it('rejects options that make no sense before any request', () => {
    const { client, paths } = harness({ flavor: 'ckan' });
    const store = new MemoryCheckpointStore();
    expect(() => client.sync('nb-food-licenses', { key: '', store })).toThrow(ArgumentError);
    expect(() => client.sync('nb-food-licenses', { key: 'license_no', store, keyScanEvery: 0 })).toThrow(/keyScanEvery/);
    expect(() => client.sync('../x', { key: 'license_no', store })).toThrow();
    expect(paths).toEqual([]);
  });

  it('throws a bad batchSize from run() itself, before anything is read', () => {
    const { client, paths } = harness({ flavor: 'ckan' });
    const sync = client.sync('nb-food-licenses', { key: 'license_no', store: new MemoryCheckpointStore() });
    expect(() => sync.run(() => undefined, { batchSize: 0 })).toThrow(ArgumentError);
    expect(paths).toEqual([]);
  });

  it('rejects pull(), run() and changes() with the store’s own error when the checkpoint cannot load', async () => {
    const { client } = harness({ flavor: 'ckan' });
    const failing = { load: async () => Promise.reject(new Error('disk gone')), save: async () => undefined, delete: async () => undefined };
    const sync = client.sync('nb-food-licenses', { key: 'license_no', store: failing });
    await expect(sync.pull()).rejects.toThrow('disk gone');
    await expect(sync.run(() => undefined)).rejects.toThrow('disk gone');
    await expect(sync.changes().next()).rejects.toThrow('disk gone');
  });
});

describe('data changing during a pull', () => {
  it('is read again when the dataset changed once while paging, and the result matches the final data', async () => {
    let changes = 1;
    const { sandbox, client } = harness({ flavor: 'zhejiang' }, {
      hooks: { onRequest: (event) => { if (changes > 0 && event.url.includes('get_data.do') && event.url.includes('pageNum=2')) { changes--; sandbox.mutate({ dataset: 'nb-food-licenses', update: 2 }); } } },
    });
    const result = await client.sync('nb-food-licenses', { key: 'XKZBH', store: new MemoryCheckpointStore() }).pull();
    expect(result.stats.attempts).toBe(2);
    expect(result.added).toHaveLength(300);
  });

  it('gives up with a DatasetDriftError after maxAttempts reads and commits nothing', async () => {
    const store = new MemoryCheckpointStore();
    const { sandbox, client } = harness({ flavor: 'ckan' }, {
      hooks: { onRequest: (event) => { if (event.url.includes('datastore_search') && !event.url.includes('limit=0')) sandbox.mutate({ dataset: 'nb-food-licenses', update: 1 }); } },
    });
    const error = await client.sync('nb-food-licenses', { key: 'license_no', store, maxAttempts: 2 }).pull().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatasetDriftError);
    expect(error).toMatchObject({ attempts: 2, dataset: 'nb-food-licenses' });
    expect(await store.load('nb-food-licenses')).toBeUndefined();
  });
});
