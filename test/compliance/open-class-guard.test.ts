import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError, ForbiddenDataError, MemoryCheckpointStore, ServerError, createClient, portals, type PortalDefinition } from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';

const UNCONDITIONAL = 'hz-parking-lots';
const RESTRICTED = 'zj-medical-practitioners';
const FORBIDDEN = 'nb-enterprise-tax';
const FIVE_MINUTES = 300_000;

type Flavor = 'zhejiang' | 'ckan' | 'socrata';

/** Path fragments of the catalogue-entry requests and of the data requests, per flavor. */
const METADATA: Record<Flavor, RegExp> = { zhejiang: /\/dopServer\/rest\/catalog\/(?!search)/, ckan: /package_show/, socrata: /\/api\/views\// };
const DATA: Record<Flavor, RegExp> = { zhejiang: /\/jdop_front\//, ckan: /datastore_search|\/download\//, socrata: /\/resource\// };

/**
 * A client of a sandbox without a response cache, so every metadata request the open-class rule
 * makes reaches the counting fetch; `fail` answers a request with a 503 instead.
 */
function setup(flavor: Flavor, options: { readonly credentials: boolean; readonly fail?: (url: string) => boolean }) {
  const sandbox = createSandbox({ flavor, seed: 3, approved: [RESTRICTED] });
  const { appSecret, appKey, apiToken } = sandbox.credentials;
  const portal: PortalDefinition =
    flavor === 'zhejiang'
      ? portals.zhejiang({ baseUrl: sandbox.url, ...(options.credentials ? { appSecret, appKey } : {}) })
      : flavor === 'ckan'
        ? portals.ckan({ baseUrl: sandbox.url, ...(options.credentials ? { token: apiToken } : {}) })
        : portals.socrata({ baseUrl: sandbox.url, pollInterval: 1, ...(options.credentials ? { appToken: apiToken } : {}) });
  const urls: string[] = [];
  const client = createClient({
    portal,
    cache: false,
    retry: { retries: 3, minDelay: 1, maxDelay: 5 },
    fetch: async (request) => {
      const url = decodeURIComponent(request.url);
      urls.push(url);
      if (options.fail?.(url)) return new Response('busy', { status: 503 });
      return sandbox.fetch(request);
    },
  });
  const matching = (pattern: RegExp) => urls.filter((url) => pattern.test(new URL(url).pathname)).length;
  return { sandbox, client, urls, metadataRequests: () => matching(METADATA[flavor]), dataRequests: () => matching(DATA[flavor]) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the open-class rule at each entry point', () => {
  it('refuses every read of a forbidden dataset with ForbiddenDataError after one catalogue call and no data request', async () => {
    const { client, metadataRequests, dataRequests } = setup('zhejiang', { credentials: true });
    await expect(client.datasets.records(FORBIDDEN, { limit: 1 }).toArray()).rejects.toBeInstanceOf(ForbiddenDataError);
    await expect(client.datasets.version(FORBIDDEN)).rejects.toBeInstanceOf(ForbiddenDataError);
    await expect(client.datasets.aggregate(FORBIDDEN, { metrics: { n: 'count' } })).rejects.toBeInstanceOf(ForbiddenDataError);
    await expect(client.datasets.download(FORBIDDEN, { format: 'csv', to: new WritableStream() })).rejects.toBeInstanceOf(ForbiddenDataError);
    await expect(client.datasets.lookup(FORBIDDEN, { certNo: '1' })).rejects.toBeInstanceOf(ForbiddenDataError);
    await expect(client.sync(FORBIDDEN, { key: 'TYSHXYDM', store: new MemoryCheckpointStore() }).pull()).rejects.toBeInstanceOf(ForbiddenDataError);
    await expect(client.sync(FORBIDDEN, { key: 'TYSHXYDM', format: 'csv', store: new MemoryCheckpointStore() }).pull()).rejects.toBeInstanceOf(ForbiddenDataError);
    // lookup reads the entry itself, as it always has; the class it learns answers the rule.
    expect(metadataRequests()).toBe(2);
    expect(dataRequests()).toBe(0);
  });

  it('answers a verification against a forbidden registry with an unknown verdict carrying ForbiddenDataError, sending no data request', async () => {
    const { client, dataRequests } = setup('ckan', { credentials: true });
    const verdict = await client.licenses.verifier({ kind: 'business', dataset: FORBIDDEN, mode: 'remote', fields: { number: 'credit_code' } }).verify({ number: '91330108MA27YJ5H56' });
    expect(verdict.status).toBe('unknown');
    expect(verdict.error).toBeInstanceOf(ForbiddenDataError);
    expect(dataRequests()).toBe(0);
  });

  it('refuses a restricted dataset without credentials with an AuthError naming the data-use application, before any data request', async () => {
    const { client, dataRequests } = setup('zhejiang', { credentials: false });
    const error = await client.datasets.records(RESTRICTED, { limit: 1 }).toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('data-use application');
    expect(dataRequests()).toBe(0);
  });

  it('turns the portal refusing the metadata to an anonymous caller into the restricted-data AuthError, with the refusal as its cause', async () => {
    const { client, metadataRequests, dataRequests } = setup('ckan', { credentials: false });
    const error = await client.datasets.version(RESTRICTED).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('data-use application');
    expect((error as Error).cause).toBeInstanceOf(AuthError);
    expect(metadataRequests()).toBe(1);
    expect(dataRequests()).toBe(0);
  });

  it('reads a restricted dataset with credentials, and an unconditional one without', async () => {
    expect(await setup('zhejiang', { credentials: true }).client.datasets.records(RESTRICTED, { limit: 2 }).toArray()).toHaveLength(2);
    expect(await setup('socrata', { credentials: false }).client.datasets.records(UNCONDITIONAL, { limit: 2 }).toArray()).toHaveLength(2);
  });
});

describe('what the rule remembers', () => {
  it('learns the class from datasets.get: the read after it costs no catalogue call of the rule', async () => {
    const { client, metadataRequests } = setup('zhejiang', { credentials: true });
    await client.datasets.get(UNCONDITIONAL);
    expect(metadataRequests()).toBe(1);
    await client.datasets.version(UNCONDITIONAL);
    expect(metadataRequests()).toBe(1);
  });

  it('remembers a class for five minutes per dataset, then asks the catalogue again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { client, metadataRequests } = setup('zhejiang', { credentials: true });
    await client.datasets.version(UNCONDITIONAL);
    await client.datasets.version(UNCONDITIONAL);
    expect(metadataRequests()).toBe(1);
    await expect(client.datasets.version(FORBIDDEN)).rejects.toBeInstanceOf(ForbiddenDataError);
    expect(metadataRequests()).toBe(2);
    vi.setSystemTime(Date.now() + FIVE_MINUTES - 1);
    await client.datasets.version(UNCONDITIONAL);
    expect(metadataRequests()).toBe(2);
    vi.setSystemTime(Date.now() + 2);
    await client.datasets.version(UNCONDITIONAL);
    expect(metadataRequests()).toBe(3);
  });

  it('does not remember a failed catalogue call: the next read asks again and goes through', async () => {
    let down = true;
    const { client, metadataRequests, dataRequests } = setup('zhejiang', { credentials: true, fail: (url) => down && METADATA.zhejiang.test(new URL(url).pathname) });
    await expect(client.datasets.version(UNCONDITIONAL)).rejects.toBeInstanceOf(ServerError);
    expect(metadataRequests()).toBe(4);
    expect(dataRequests()).toBe(0);
    down = false;
    expect((await client.datasets.version(UNCONDITIONAL)).total).toBeGreaterThan(0);
    expect(metadataRequests()).toBe(5);
  });

  it('keeps no memory between two clients', async () => {
    const { sandbox, client, metadataRequests } = setup('zhejiang', { credentials: true });
    const other = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }), fetch: sandbox.fetch, cache: false });
    await other.datasets.version(UNCONDITIONAL);
    await client.datasets.version(UNCONDITIONAL);
    expect(metadataRequests()).toBe(1);
  });
});
