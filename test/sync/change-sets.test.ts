import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryCheckpointStore, type Change, type SyncStrategy } from '../../src/index.js';
import { FOOD, harness, sorted } from './sync-harness.js';

type Case = { flavor: 'zhejiang' | 'ckan'; strategy: SyncStrategy; sqlEnabled: boolean; expected: string };
const cases: Case[] = [
  { flavor: 'zhejiang', strategy: 'auto', sqlEnabled: false, expected: 'change-check' },
  { flavor: 'zhejiang', strategy: 'full', sqlEnabled: false, expected: 'full' },
  { flavor: 'ckan', strategy: 'auto', sqlEnabled: false, expected: 'change-check' },
  { flavor: 'ckan', strategy: 'full', sqlEnabled: false, expected: 'full' },
  { flavor: 'ckan', strategy: 'auto', sqlEnabled: true, expected: 'modified-since' },
  { flavor: 'ckan', strategy: 'change-check', sqlEnabled: true, expected: 'change-check' },
];

describe.each(cases)('sync on $flavor with strategy $strategy (sql $sqlEnabled)', ({ flavor, strategy, sqlEnabled, expected }) => {
  it('reports exactly the rows the sandbox added, updated and removed', async () => {
    const { sandbox, client } = harness({ flavor, sqlEnabled });
    const { dataset, key } = FOOD[flavor];
    const sync = client.sync(dataset, { key, store: new MemoryCheckpointStore(), strategy, keyScanEvery: 1 });
    const first = await sync.pull();
    expect(first.added).toHaveLength(300);
    expect(first.stats.strategy).toBe(expected);
    for (let round = 0; round < 2; round++) {
      const mutation = sandbox.mutate({ dataset, add: 4, update: 5, remove: 3 });
      const changes = await sync.pull();
      expect(sorted(changes.added.map((row) => row[key] as string))).toEqual(sorted(mutation.added));
      expect(sorted(changes.updated.map((row) => row[key] as string))).toEqual(sorted(mutation.updated));
      expect(sorted(changes.removed)).toEqual(sorted(mutation.removed));
      expect(changes.checkpoint.hashes.size).toBe(300 + (round + 1) * 1);
    }
  });
});

describe('sync request costs', () => {
  it.each(['zhejiang', 'ckan'] as const)('a no-change pull on %s reads no data page', async (flavor) => {
    const { client, paths } = harness({ flavor });
    const sync = client.sync(FOOD[flavor].dataset, { key: FOOD[flavor].key, store: new MemoryCheckpointStore() });
    await sync.pull();
    paths.length = 0;
    const changes = await sync.pull();
    expect(changes.stats.unchanged).toBe(true);
    expect(changes.stats.pages).toBe(0);
    // Only the change marker: zhejiang's update date and total, ckan's package and a zero-row count.
    expect(paths.sort()).toEqual(flavor === 'zhejiang' ? ['get_dataupdate_date.do', 'get_total.do'] : ['datastore_search', 'package_show']);
  });

  it('a modified-since pull reads only the changed rows, not the whole dataset', async () => {
    const { sandbox, client, paths } = harness({ flavor: 'ckan', sqlEnabled: true, sizes: { 'nb-food-licenses': 2000 } });
    const sync = client.sync('nb-food-licenses', { key: 'license_no', store: new MemoryCheckpointStore(), keyScanEvery: 100 });
    await sync.pull();
    sandbox.mutate({ dataset: 'nb-food-licenses', update: 10 });
    paths.length = 0;
    const changes = await sync.pull();
    expect(changes.updated).toHaveLength(10);
    expect(changes.stats.rowsRead).toBeLessThan(20);
    expect(paths.filter((path) => path === 'datastore_search_sql')).toHaveLength(1);
  });

  it('the modified-since capability is probed once per client', async () => {
    const { sandbox, client, paths } = harness({ flavor: 'ckan', sqlEnabled: false });
    const sync = client.sync('nb-food-licenses', { key: 'license_no', store: new MemoryCheckpointStore() });
    await sync.pull();
    sandbox.mutate({ dataset: 'nb-food-licenses', update: 1 });
    await sync.pull();
    expect(paths.filter((path) => path === 'datastore_search_sql')).toHaveLength(1);
  });

  it('asking for modified-since where datastore_search_sql is off is an UnsupportedError', async () => {
    const { client } = harness({ flavor: 'ckan' });
    const sync = client.sync('nb-food-licenses', { key: 'license_no', store: new MemoryCheckpointStore(), strategy: 'modified-since' });
    await expect(sync.pull()).rejects.toMatchObject({ name: 'UnsupportedError', message: expect.stringContaining('datastore_search_sql') });
  });
});

describe('delivery', () => {
  it('run hands out batches and commits only after the handler resolved', async () => {
    const { sandbox, client } = harness({ flavor: 'zhejiang' });
    const store = new MemoryCheckpointStore();
    const sync = client.sync('nb-food-licenses', { key: 'XKZBH', store });
    await sync.pull();
    const mutation = sandbox.mutate({ dataset: 'nb-food-licenses', add: 2, update: 3, remove: 4 });
    await expect(sync.run(async () => { throw new Error('database down'); }, { batchSize: 2 })).rejects.toThrow('database down');
    const batches: Change<Record<string, unknown>>[][] = [];
    await sync.run(async (batch) => { batches.push(batch); }, { batchSize: 4 });
    expect(batches.map((batch) => batch.length)).toEqual([4, 4, 1]);
    const all = batches.flat();
    expect(sorted(all.filter((change) => change.type === 'upsert').map((change) => change.key))).toEqual(sorted([...mutation.added, ...mutation.updated]));
    expect(sorted(all.filter((change) => change.type === 'delete').map((change) => change.key))).toEqual(sorted(mutation.removed));
    const again = await sync.pull();
    expect(again.stats.unchanged).toBe(true);
  });

  it('changes() commits once the loop consumed every change, and not when it stops early', async () => {
    const { sandbox, client } = harness({ flavor: 'ckan' });
    const sync = client.sync('nb-food-licenses', { key: 'license_no', store: new MemoryCheckpointStore() });
    await sync.pull();
    sandbox.mutate({ dataset: 'nb-food-licenses', update: 3 });
    for await (const change of sync.changes()) {
      expect(change.type).toBe('upsert');
      break;
    }
    const seen: string[] = [];
    for await (const change of sync.changes()) seen.push(change.key);
    expect(seen).toHaveLength(3);
    expect((await sync.pull()).stats.unchanged).toBe(true);
  });

  it('records are parsed by the schema and keyed as the portal sends them', async () => {
    const { sandbox, client } = harness({ flavor: 'zhejiang' });
    const License = z.object({ XKZBH: z.string().transform((value) => value.toLowerCase()), YXQZ: z.string() });
    const sync = client.sync('nb-food-licenses', { key: 'XKZBH', schema: License, store: new MemoryCheckpointStore() });
    await sync.pull();
    const mutation = sandbox.mutate({ dataset: 'nb-food-licenses', update: 1 });
    const changes: string[] = [];
    await sync.run((batch) => { for (const change of batch) if (change.type === 'upsert') changes.push(`${change.key} ${change.record.XKZBH}`); });
    expect(changes).toEqual([`${mutation.updated[0]} ${String(mutation.updated[0]).toLowerCase()}`]);
  });

  it('injected faults during a sync are retried and give the same change set', async () => {
    const plain = harness({ flavor: 'zhejiang' });
    const faulty = harness({ flavor: 'zhejiang', faults: { rate: 0.3, kinds: ['unavailable', 'reset', 'truncate', 'html', 'rate-limit'], retryAfter: 0 } }, { retry: { retries: 8, minDelay: 1, maxDelay: 2 } });
    const results = [];
    for (const { sandbox, client } of [plain, faulty]) {
      const sync = client.sync('nb-food-licenses', { key: 'XKZBH', store: new MemoryCheckpointStore(), pageSize: 20 });
      sandbox.setFaults(undefined);
      await sync.pull();
      sandbox.setFaults(sandbox === faulty.sandbox ? { rate: 0.3, kinds: ['unavailable', 'reset', 'truncate', 'html', 'rate-limit'], retryAfter: 0 } : undefined);
      sandbox.mutate({ dataset: 'nb-food-licenses', add: 3, update: 3, remove: 3 });
      const changes = await sync.pull();
      results.push({ added: sorted(changes.added.map((row) => row['XKZBH'] as string)), updated: sorted(changes.updated.map((row) => row['XKZBH'] as string)), removed: sorted(changes.removed) });
    }
    expect(Object.values(faulty.sandbox.stats.faults).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(2);
    expect(results[1]).toEqual(results[0]);
  });
});
