import { describe, expect, it } from 'vitest';
import { AuthError, ForbiddenDataError, NotFoundError, createClient, portals, type PortalDefinition } from '../../src/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

type Family = 'zhejiang' | 'ckan' | 'socrata' | 'opendatasoft';

const UNCONDITIONAL = 'hz-parking-lots';
const RESTRICTED = 'zj-medical-practitioners';
const FORBIDDEN = 'nb-enterprise-tax';

/** Path fragments of the requests that read a dataset's rows, per family. */
const DATA_PATHS: Record<Family, RegExp> = {
  zhejiang: /\/jdop_front\/interfaces\/|\/download/,
  ckan: /datastore_search|\/download\//,
  socrata: /\/resource\//,
  opendatasoft: /\/records|\/exports\//,
};

function portalOf(family: Family, sandbox: Sandbox, credentials: boolean): PortalDefinition {
  const { appSecret, appKey, apiToken } = sandbox.credentials;
  switch (family) {
    case 'zhejiang':
      return portals.zhejiang({ baseUrl: sandbox.url, ...(credentials ? { appSecret, appKey } : {}) });
    case 'ckan':
      return portals.ckan({ baseUrl: sandbox.url, ...(credentials ? { token: apiToken } : {}) });
    case 'socrata':
      return portals.socrata({ baseUrl: sandbox.url, pollInterval: 1, ...(credentials ? { appToken: apiToken } : {}) });
    case 'opendatasoft':
      return portals.opendatasoft({ baseUrl: sandbox.url, ...(credentials ? { apiKey: apiToken } : {}) });
  }
}

function setup(family: Family, credentials: boolean) {
  const sandbox = createSandbox({ flavor: family, seed: 5, approved: [RESTRICTED] });
  const urls: string[] = [];
  const client = createClient({
    portal: portalOf(family, sandbox, credentials),
    fetch: (request) => {
      urls.push(decodeURIComponent(request.url));
      return sandbox.fetch(request);
    },
    retry: { retries: 3, minDelay: 1, maxDelay: 5 },
  });
  const dataRequests = () => urls.filter((url) => DATA_PATHS[family].test(new URL(url).pathname + new URL(url).search));
  return { sandbox, client, urls, dataRequests };
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

const FAMILIES: readonly Family[] = ['zhejiang', 'ckan', 'socrata', 'opendatasoft'];

describe.each(FAMILIES)('open classes on %s', (family) => {
  it('reads an unconditional dataset, with no credentials beyond the app secret zhejiang always wants', async () => {
    const { client } = setup(family, family === 'zhejiang');
    expect((await client.datasets.get(UNCONDITIONAL)).openClass).toBe('unconditional');
    expect(await client.datasets.records(UNCONDITIONAL, { limit: 3 }).toArray()).toHaveLength(3);
  });

  it('labels the forbidden dataset forbidden and refuses its records with ForbiddenDataError, sending no data request', async () => {
    const { client, dataRequests } = setup(family, true);
    expect((await client.datasets.get(FORBIDDEN)).openClass).toBe('forbidden');
    const error = await rejectionOf(client.datasets.records(FORBIDDEN, { limit: 1 }).toArray());
    expect(error).toBeInstanceOf(ForbiddenDataError);
    expect(error.message).toContain('禁止开放');
    await expect(client.datasets.aggregate(FORBIDDEN, { metrics: { n: 'count' } })).rejects.toBeInstanceOf(ForbiddenDataError);
    await expect(client.datasets.version(FORBIDDEN)).rejects.toBeInstanceOf(ForbiddenDataError);
    expect(dataRequests()).toEqual([]);
  });

  it('reads a restricted dataset with credentials the sandbox approves', async () => {
    const { client } = setup(family, true);
    expect((await client.datasets.get(RESTRICTED)).openClass).toBe('restricted');
    expect(await client.datasets.records(RESTRICTED, { limit: 2 }).toArray()).toHaveLength(2);
  });

  it('never serves the forbidden rows, even to a direct request with credentials', async () => {
    const { sandbox } = setup(family, true);
    const { appSecret, apiToken } = sandbox.credentials;
    const direct: Record<Family, () => Promise<Response>> = {
      zhejiang: () => sandbox.fetch(`${sandbox.url}/jdop_front/interfaces/cata_${FORBIDDEN}/get_data.do?appsecret=${appSecret}&pageNum=1&pageSize=5`),
      ckan: () => sandbox.fetch(new Request(`${sandbox.url}/api/3/action/datastore_search?resource_id=${FORBIDDEN}`, { headers: { authorization: apiToken } })),
      socrata: () => sandbox.fetch(new Request(`${sandbox.url}/resource/${FORBIDDEN}.json`, { headers: { 'x-app-token': apiToken } })),
      opendatasoft: () => sandbox.fetch(new Request(`${sandbox.url}/api/explore/v2.1/catalog/datasets/${FORBIDDEN}/records`, { headers: { authorization: `Apikey ${apiToken}` } })),
    };
    const response = await direct[family]();
    const body = await response.text();
    if (family === 'zhejiang') expect(body).toContain('目录不存在');
    else expect([403, 404]).toContain(response.status);
    expect(body).not.toContain('国家税务总局宁波市税务局');
  });
});

describe('restricted data without credentials', () => {
  it.each(['zhejiang', 'ckan', 'socrata'] as const)('fails on %s with an AuthError naming the data-use application before any data request', async (family) => {
    const { client, dataRequests } = setup(family, false);
    const error = await rejectionOf(client.datasets.records(RESTRICTED, { limit: 1 }).toArray());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('data-use application');
    expect(dataRequests()).toEqual([]);
  });

  it('fails on opendatasoft with its NotFoundError, as Explore does not disclose restricted datasets, before any data request', async () => {
    const { client, dataRequests } = setup('opendatasoft', false);
    await expect(client.datasets.records(RESTRICTED, { limit: 1 }).toArray()).rejects.toBeInstanceOf(NotFoundError);
    expect(dataRequests()).toEqual([]);
  });

  it('fails on zhejiang with the portal refusal when the app is not approved for the dataset', async () => {
    const sandbox = createSandbox({ flavor: 'zhejiang', seed: 5 });
    const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }), fetch: sandbox.fetch, retry: false });
    const error = await rejectionOf(client.datasets.records(RESTRICTED, { limit: 1 }).toArray());
    expect(error.message).toContain('未授权');
  });
});

describe('the guard and the catalogue cache', () => {
  it('costs no request of its own after datasets.get, and one catalogue lookup when records come first', async () => {
    const { client, urls } = setup('ckan', false);
    await client.datasets.get(UNCONDITIONAL);
    const afterGet = urls.length;
    await client.datasets.records(UNCONDITIONAL, { limit: 2 }).toArray();
    expect(urls.length - afterGet).toBe(1);

    const fresh = setup('ckan', false);
    await fresh.client.datasets.records(UNCONDITIONAL, { limit: 2 }).toArray();
    expect(fresh.urls.filter((url) => url.includes('package_show'))).toHaveLength(1);
    expect(fresh.dataRequests()).toHaveLength(1);
  });

  it('rejects an id like .. with ArgumentError before any request', async () => {
    const { client, urls } = setup('zhejiang', true);
    expect(() => client.datasets.records('..')).toThrow(/id/);
    await expect(client.datasets.aggregate('..', { metrics: { n: 'count' } })).rejects.toThrow(/id/);
    expect(urls).toEqual([]);
  });
});
