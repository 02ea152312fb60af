import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore, UnsupportedError, createClient, portals } from '../../src/index.js';
import type { Transport } from '../../src/http/index.js';
import { CkanAdapter } from '../../src/portals/ckan/ckan-adapter.js';
import { CKAN_CAPABILITIES } from '../../src/portals/ckan/ckan-capabilities.js';
import { parseNaiveUtc } from '../../src/portals/ckan/naive-utc.js';
import { definePortal, type PortalSpec } from '../../src/portals/define-portal.js';
import type { PortalAdapter } from '../../src/portals/portal-adapter.js';
import { createSandbox } from '../../src/sandbox/index.js';

const DATASET = 'hz-parking-lots';

/** A CKAN site read through an adapter with only the methods every adapter must have. */
function bareAdapter(transport: Transport, baseUrl: string): PortalAdapter {
  const full = new CkanAdapter(transport, { baseUrl, token: undefined, authHeader: 'Authorization' });
  return {
    searchCatalog: (query, cursor, call) => full.searchCatalog(query, cursor, call),
    getDataset: (id, call) => full.getDataset(id, call),
    openRecords: (id, query, call) => full.openRecords(id, query, call),
    datasetVersion: (id, call) => full.datasetVersion(id, call),
  };
}

function bareCkan(baseUrl: string, load: PortalSpec['load'] = async (transport) => bareAdapter(transport, baseUrl)) {
  return definePortal({
    family: 'ckan',
    baseUrl,
    capabilities: CKAN_CAPABILITIES,
    parseTimestamp: (value) => (typeof value === 'string' ? parseNaiveUtc(value) : null),
    credentials: { secrets: [], params: [], headers: [] },
    load,
  });
}

async function unsupportedMessage(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnsupportedError);
  return (error as Error).message;
}

describe('definePortal', () => {
  it('gives the UnsupportedError of today for each optional method its adapter lacks, and aggregates on the client', async () => {
    const sandbox = createSandbox({ flavor: 'ckan', seed: 1 });
    const client = createClient({ portal: bareCkan(sandbox.url), fetch: sandbox.fetch, cache: false });
    const store = new MemoryCheckpointStore();

    expect(await unsupportedMessage(client.datasets.lookup(DATASET, { lot: '1' }))).toBe(`ckan portals have no results-only interfaces: read ${DATASET}'s records instead`);
    expect(await unsupportedMessage(client.datasets.download(DATASET, { format: 'csv', to: new WritableStream() }))).toBe('ckan portals offer no file downloads in kaifang');
    expect(await unsupportedMessage(client.sync(DATASET, { key: 'lot_id', format: 'csv', store }).pull())).toBe(
      `ckan portals offer no dataset files in kaifang: sync ${DATASET} without resource or format`,
    );
    expect(await unsupportedMessage(client.sync(DATASET, { key: 'lot_id', strategy: 'modified-since', store }).pull())).toBe(
      `${DATASET} cannot be read by record modification time on this ckan portal (ckan needs datastore_search_sql enabled): use strategy 'change-check'`,
    );
    const result = await client.datasets.aggregate(DATASET, { metrics: { n: 'count' } });
    expect(result.computedBy).toBe('client');
    expect(result.rows).toEqual([{ n: sandbox.datasets.find((item) => item.id === DATASET)?.count }]);
    // The built-in family without lookups says the same.
    const real = createClient({ portal: portals.ckan({ baseUrl: sandbox.url }), fetch: sandbox.fetch });
    expect(await unsupportedMessage(real.datasets.lookup(DATASET, { lot: '1' }))).toBe(`ckan portals have no results-only interfaces: read ${DATASET}'s records instead`);
  });

  it('loads the adapter module once per client, on the first call, even when the first calls run at once', async () => {
    const sandbox = createSandbox({ flavor: 'ckan', seed: 1 });
    let loads = 0;
    const portal = bareCkan(sandbox.url, async (transport) => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return bareAdapter(transport, sandbox.url);
    });
    const client = createClient({ portal, fetch: sandbox.fetch });
    expect(loads).toBe(0);
    await Promise.all([
      client.catalog.search({ q: '停车' }),
      client.datasets.get(DATASET),
      client.datasets.records(DATASET, { limit: 2 }).toArray(),
      client.datasets.version(DATASET),
      client.sync(DATASET, { key: 'lot_id', store: new MemoryCheckpointStore() }).pull(),
    ]);
    await client.datasets.get(DATASET);
    expect(loads).toBe(1);
    // Another client of the same definition has its own transport, so its own adapter.
    await createClient({ portal, fetch: sandbox.fetch }).datasets.get(DATASET);
    expect(loads).toBe(2);
  });

  it('tries a failed load again on the next call instead of keeping the failure', async () => {
    const sandbox = createSandbox({ flavor: 'ckan', seed: 1 });
    let loads = 0;
    const portal = bareCkan(sandbox.url, async (transport) => {
      if (++loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return bareAdapter(transport, sandbox.url);
    });
    const client = createClient({ portal, fetch: sandbox.fetch });
    const first = [client.datasets.get(DATASET), client.catalog.search()];
    for (const call of first) await expect(call).rejects.toThrow('Failed to fetch dynamically imported module');
    expect(loads).toBe(1);
    expect((await client.datasets.get(DATASET)).name).toBe(DATASET);
    expect(loads).toBe(2);
  });

  it('derives whether credentials were given and their fingerprint, and never shows a secret when the definition is logged', () => {
    const anonymous = portals.ckan({ baseUrl: 'https://ckan.example' });
    const one = portals.ckan({ baseUrl: 'https://ckan.example', token: 'token-one-123' });
    const two = portals.ckan({ baseUrl: 'https://ckan.example', token: 'token-two-456' });
    expect([anonymous.hasCredentials, one.hasCredentials]).toEqual([false, true]);
    expect(new Set([anonymous.credentialFingerprint, one.credentialFingerprint, two.credentialFingerprint]).size).toBe(3);
    expect(portals.ckan({ baseUrl: 'https://ckan.example', token: 'token-one-123' }).credentialFingerprint).toBe(one.credentialFingerprint);
    expect(one.secretValues()).toEqual(['token-one-123']);
    expect(JSON.stringify(one)).not.toContain('token-one-123');
    // zhejiang's app key names the app: it counts as a credential and separates identities, yet is not a secret.
    const zhejiang = portals.zhejiang({ baseUrl: 'https://zj.example', appKey: 'app-key-1' });
    expect(zhejiang.hasCredentials).toBe(true);
    expect(zhejiang.secretValues()).toEqual([]);
    expect(zhejiang.credentialFingerprint).not.toBe(portals.zhejiang({ baseUrl: 'https://zj.example', appKey: 'app-key-2' }).credentialFingerprint);
  });
});
