import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore } from '../../src/index.js';
import { gatewayHarness } from '../client/data-gateway-harness.js';
import { sorted } from './sync-harness.js';

const SIZES = { 'nb-food-licenses': 300, 'nb-business-licenses': 300, 'hz-parking-lots': 300 };
const AT = new Date('2026-11-20T04:00:00Z');

/** The interface ids of the gateway calls made since the harness was last cleared, sorted. */
const calledInterfaces = (sent: { path: string; fields: Record<string, string> }[]) =>
  sent.filter((request) => request.path === 'gateway.do').map((request) => request.fields['interface_id']).sort();

describe('sync through the zhejiang data gateway (section A2)', () => {
  it.each([
    ['nb-food-licenses', 'XKZBH', 'count and update-date interfaces'],
    ['nb-business-licenses', 'TYSHXYDM', 'a count interface only'],
  ])('reports exactly the rows the sandbox added, updated and removed in %s (%s)', async (dataset, key) => {
    const { sandbox, client } = gatewayHarness({ sandbox: { sizes: SIZES } });
    const sync = client.sync(dataset, { key, store: new MemoryCheckpointStore(), pageSize: 50 });
    const first = await sync.pull();
    expect(first.added).toHaveLength(300);
    expect(first.stats.strategy).toBe('change-check');
    for (let round = 0; round < 2; round++) {
      const mutation = sandbox.mutate({ dataset, add: 4, update: 5, remove: 3 });
      const changes = await sync.pull();
      expect(sorted(changes.added.map((row) => row[key] as string))).toEqual(sorted(mutation.added));
      expect(sorted(changes.updated.map((row) => row[key] as string))).toEqual(sorted(mutation.updated));
      expect(sorted(changes.removed)).toEqual(sorted(mutation.removed));
    }
  });

  it('tells "no change" from the count and update-date interfaces alone: two signs and two calls', async () => {
    const harness = gatewayHarness({ sandbox: { sizes: SIZES } });
    const sync = harness.client.sync('nb-food-licenses', { key: 'XKZBH', store: new MemoryCheckpointStore(), pageSize: 100 });
    await sync.pull();
    harness.sent.length = 0;
    const changes = await sync.pull();
    expect(changes.stats).toMatchObject({ unchanged: true, pages: 0, rowsRead: 0 });
    expect(harness.sent.map((request) => request.path).sort()).toEqual(['createsign.do', 'createsign.do', 'gateway.do', 'gateway.do']);
    expect(calledInterfaces(harness.sent)).toEqual(['nbcata10486gettotal', 'nbcata10486getupdatedate']);
  });

  it('pulls in full and diffs by key where a dataset has no update-date interface, finding no change', async () => {
    const harness = gatewayHarness({ sandbox: { sizes: SIZES } });
    const sync = harness.client.sync('nb-business-licenses', { key: 'TYSHXYDM', store: new MemoryCheckpointStore(), pageSize: 100 });
    await sync.pull();
    harness.sent.length = 0;
    const changes = await sync.pull();
    expect(changes.stats).toMatchObject({ unchanged: false, rowsRead: 300 });
    expect([changes.added, changes.updated, changes.removed]).toEqual([[], [], []]);
    // The count before and after the read (the drift check) and for the read; three full pages
    // and the empty fourth that proves no row was added meanwhile.
    const count = 'biz02150417nbqydjxx';
    const pages = 'biz02150417nbqydjxxfy';
    expect(calledInterfaces(harness.sent)).toEqual([count, count, count, pages, pages, pages, pages]);
  });

  it('syncs a bare data interface id, with no catalogue request', async () => {
    const harness = gatewayHarness({ sandbox: { sizes: SIZES } });
    const sync = harness.client.sync('nbcata10486getdata', { key: 'XKZBH', store: new MemoryCheckpointStore(), pageSize: 100 });
    expect((await sync.pull()).added).toHaveLength(300);
    const mutation = harness.sandbox.mutate({ dataset: 'nb-food-licenses', update: 2 });
    const changes = await sync.pull();
    expect(sorted(changes.updated.map((row) => row['XKZBH'] as string))).toEqual(sorted(mutation.updated));
    expect(harness.sent.filter((request) => request.method === 'GET')).toEqual([]);
  });

  it('gives the same change set when 30% of requests fail on the way', async () => {
    const results = [];
    for (const faults of [undefined, { rate: 0.3, seed: 5, kinds: ['unavailable', 'reset', 'truncate', 'html', 'rate-limit', 'drift'] as const, retryAfter: 0 }]) {
      const { sandbox, client } = gatewayHarness({ sandbox: { sizes: SIZES }, client: { retry: { retries: 10, minDelay: 1, maxDelay: 2 } } });
      const sync = client.sync('nb-food-licenses', { key: 'XKZBH', store: new MemoryCheckpointStore(), pageSize: 20 });
      await sync.pull();
      sandbox.setFaults(faults);
      sandbox.mutate({ dataset: 'nb-food-licenses', add: 3, update: 3, remove: 3 });
      const changes = await sync.pull();
      if (faults) expect(Object.values(sandbox.stats.faults).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(2);
      results.push({ added: sorted(changes.added.map((row) => row['XKZBH'] as string)), updated: sorted(changes.updated.map((row) => row['XKZBH'] as string)), removed: sorted(changes.removed) });
    }
    expect(results[1]).toEqual(results[0]);
  });
});

describe('licence verification through the data gateway', () => {
  it('verifies food business licences against a snapshot read through the gateway', async () => {
    const harness = gatewayHarness({ sandbox: { sizes: SIZES } });
    const [row] = await harness.client.datasets.records('nb-food-licenses', { limit: 1 }).toArray();
    const verifier = harness.client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT });
    expect(await verifier.mode()).toBe('snapshot');
    const verdict = await verifier.verify({ number: row?.['XKZBH'] as string, holder: row?.['JYZMC'] as string });
    expect(verdict.checks.found).toBe(true);
    expect(verdict.license?.holder).toBe(row?.['JYZMC']);
    expect((await verifier.verify({ number: 'JY13301080111719' })).status).toBe('not_found');
    expect(harness.count('get_data.do')).toBe(0);
    expect(harness.count('gateway.do', 'nbcata10486getdata')).toBeGreaterThan(0);
  });
});
