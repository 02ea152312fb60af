import { describe, expect, it } from 'vitest';
import { AuthError, createClient, HttpError, NotReadyError, portals, RateLimitError } from '../../../src/index.js';
import { createSandbox, type SandboxOptions } from '../../../src/sandbox/index.js';
import type { ClientOptions } from '../../../src/index.js';
import { countingFetch } from '../sandbox-client.js';

const clock = () => new Date('2026-11-26T08:00:00Z');

/** A socrata sandbox and a client of it with the app token, fast retries and a 1 ms poll interval. */
function setup(sandboxOptions: SandboxOptions = {}, clientOptions: Partial<ClientOptions> = {}, token = true) {
  const sandbox = createSandbox({ flavor: 'socrata', seed: 5, clock, extraDatasets: 2, ...sandboxOptions });
  const statuses: number[] = [];
  const { fetch, requests } = countingFetch(async (request) => {
    const response = await sandbox.fetch(request);
    statuses.push(response.status);
    return response;
  });
  const portal = portals.socrata({ baseUrl: sandbox.url, pollInterval: 1, ...(token ? { appToken: sandbox.credentials.apiToken } : {}) });
  const client = createClient({ portal, fetch, retry: { retries: 3, minDelay: 1, maxDelay: 5 }, cache: false, ...clientOptions });
  return { sandbox, client, requests, statuses };
}

describe('portals.socrata', () => {
  it('searches the catalogue through the Discovery API, paging with scroll_id', async () => {
    const { client, requests } = setup();
    const page = await client.catalog.search({ limit: 2 });
    expect(page.items).toHaveLength(2);
    // Six readable datasets and the forbidden nb-enterprise-tax.
    expect(page.total).toBe(7);
    const ids: string[] = [];
    for await (const dataset of client.catalog.searchAll({ limit: 2 })) ids.push(dataset.id);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(requests.urls.some((url) => new URL(url).searchParams.has('scroll_id'))).toBe(true);
    expect(requests.urls.every((url) => new URL(url).searchParams.get('domains') === 'sandbox.kaifang.test')).toBe(true);
    const [parking] = (await client.catalog.search({ q: '停车' })).items;
    expect(parking).toMatchObject({ id: 'hz-parking-lots', openClass: 'unconditional', themes: ['交通出行'] });
  });

  it('reads a dataset from /api/views with fields, license and update time', async () => {
    const { client, sandbox } = setup();
    const dataset = await client.datasets.get('nb-food-licenses');
    expect(dataset.fields.map((field) => field.name)).toContain('license_no');
    expect(dataset.license.title).toMatch(/Creative Commons/);
    expect(dataset.updatedAt?.getTime()).toBe(Math.floor((sandbox.datasets.find((item) => item.id === 'nb-food-licenses')?.updatedAt.getTime() ?? 0) / 1000) * 1000);
    expect((await client.datasets.get('zj-medical-practitioners')).openClass).toBe('restricted');
  });

  it('pulls every row exactly once in :id order by keyset, after re-polling the cold 202', async () => {
    const { client, sandbox, requests, statuses } = setup();
    const keys = (await client.datasets.records('nb-food-licenses', { pageSize: 700 }).toArray()).map((row) => row['license_no']);
    const expected = ((await (await sandbox.fetch(`${sandbox.url}/resource/nb-food-licenses.json?$limit=50000&$order=:id`, { headers: { 'x-app-token': sandbox.credentials.apiToken } })).json()) as Record<string, unknown>[]).map((row) => row['license_no']);
    expect(keys).toEqual(expected);
    expect(new Set(keys).size).toBe(3000);
    expect(statuses.filter((status) => status === 202)).toHaveLength(1);
    const pages = requests.urls.filter((url) => url.includes('/resource/')).map((url) => new URL(url).searchParams);
    expect(pages.every((params) => params.get('$order') === ':id' && !params.has('$offset'))).toBe(true);
    expect(pages.at(-1)?.get('$where')).toMatch(/^:id > 'row-/);
  });

  it('translates where, q, fields and orderBy to SoQL, escaping quotes', async () => {
    const { client, requests } = setup();
    const rows = await client.datasets.records('hz-parking-lots', { where: { district: ['西湖区', '上城区'] }, fields: ['lot_id', 'district', 'total_spaces'], orderBy: 'total_spaces desc', limit: 20 }).toArray();
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => ['西湖区', '上城区'].includes(row['district'] as string) && Object.keys(row).length === 3)).toBe(true);
    const sizes = rows.map((row) => row['total_spaces'] as number);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(await client.datasets.records('hz-parking-lots', { where: { name: "O'Brien's" } }).toArray()).toEqual([]);
    const quoted = new URL(requests.urls.at(-1) as string).searchParams.get('$where');
    expect(quoted).toBe("name = 'O''Brien''s'");
    const text = await client.datasets.records('hz-parking-lots', { q: '西湖区', limit: 5 }).toArray();
    expect(text).toHaveLength(5);
  });

  it('types cells from X-SODA2-Types: numbers are numbers, text stays text', async () => {
    const { client } = setup();
    const [lot] = await client.datasets.records('hz-parking-lots', { limit: 1 }).toArray();
    expect(typeof lot?.['total_spaces']).toBe('number');
    expect(typeof lot?.['lng']).toBe('number');
    expect(typeof lot?.['lot_id']).toBe('string');
    expect(lot).not.toHaveProperty(':id');
  });

  it('surfaces a 202 as a NotReadyError with status 202 when retries are off', async () => {
    const { client } = setup({}, { retry: false });
    const error = await client.datasets.records('nb-food-licenses', { limit: 1 }).toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotReadyError);
    expect((error as NotReadyError).status).toBe(202);
  });

  it('is throttled with 429 without an app token and not with one', async () => {
    const anonymous = setup({ sizes: { 'hz-parking-lots': 100 } }, { retry: false }, false);
    const outcomes: unknown[] = [];
    // Twelve data requests after the one catalogue lookup of the open-class check: 13 anonymous requests in all.
    for (let i = 0; i < 12; i++) outcomes.push(await anonymous.client.datasets.records('hz-parking-lots', { limit: 1 }).toArray().catch((error: unknown) => error));
    expect(anonymous.requests.count('/api/views/')).toBe(1);
    expect(outcomes.filter((outcome) => outcome instanceof RateLimitError)).toHaveLength(3);
    const closed = setup({}, { retry: false }, false);
    expect(await closed.client.datasets.get('zj-medical-practitioners').catch((error: unknown) => error)).toBeInstanceOf(AuthError);
    const holder = setup({ sizes: { 'hz-parking-lots': 100 } }, { retry: false });
    for (let i = 0; i < 12; i++) expect(await holder.client.datasets.records('hz-parking-lots', { limit: 1 }).toArray()).toHaveLength(1);
  });

  it('redacts the app token from errors', async () => {
    const { client, sandbox } = setup();
    const error = await client.datasets.records('hz-parking-lots', { where: { nope: 1 } }).toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toMatch(/no-such-column/);
    expect(JSON.stringify(error)).not.toContain(sandbox.credentials.apiToken);
  });

  it('revalidates datasetVersion with ETag: unchanged data costs two 304s, a mutation shows', async () => {
    const { client, sandbox, statuses } = setup({ sizes: { 'nb-food-licenses': 40 } }, { cache: { max: 50 } });
    const first = await client.datasets.version('nb-food-licenses');
    expect(first.total).toBe(40);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await client.datasets.version('nb-food-licenses');
    expect(again).toEqual(first);
    expect(statuses.slice(-2)).toEqual([304, 304]);
    sandbox.mutate({ dataset: 'nb-food-licenses', add: 2 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await client.datasets.version('nb-food-licenses');
    expect(changed.total).toBe(42);
    expect(changed.updatedAt?.getTime()).toBeGreaterThan(first.updatedAt?.getTime() ?? 0);
  });

  it('returns every row exactly once from a faulted full pull', async () => {
    const { client, sandbox } = setup({ faults: { rate: 0.15, seed: 11, retryAfter: 0 } }, { retry: { retries: 8, minDelay: 1, maxDelay: 5 } });
    const keys = (await client.datasets.records('nb-business-licenses', { pageSize: 250 }).toArray()).map((row) => row['credit_code']);
    expect(keys).toHaveLength(5000);
    expect(new Set(keys).size).toBe(5000);
    expect(Object.values(sandbox.stats.faults).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  });
});
