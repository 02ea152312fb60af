import { describe, expect, it } from 'vitest';
import { NotFoundError, PortalError, RateLimitError } from '../../../src/errors/index.js';
import { odsClient, rejectionOf } from './ods-client.js';

const FOOD = 'nb-food-licenses';
const NOW = new Date('2026-11-26T10:00:00Z');

describe('portals.opendatasoft', () => {
  it('maps a catalogue entry to the unified Dataset', async () => {
    const { client, sandbox } = odsClient({ clock: () => NOW });
    const dataset = await client.datasets.get(FOOD);
    const food = sandbox.datasets.find((item) => item.id === FOOD)!;
    expect(dataset).toMatchObject({
      id: FOOD,
      name: FOOD,
      title: food.title,
      openClass: 'unconditional',
      license: { id: 'CC BY 4.0', title: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      recordCount: food.count,
      portal: { family: 'opendatasoft', baseUrl: sandbox.url },
    });
    expect(dataset.updatedAt?.getTime()).toBe(food.updatedAt.getTime());
    expect(dataset.publisher?.name).toBeTruthy();
    expect(dataset.fields.map((field) => field.name)).toEqual(food.columns.map((column) => column.name));
    expect(dataset.resources.find((resource) => resource.queryable)?.url).toBe(`${sandbox.url}/api/explore/v2.1/catalog/datasets/${FOOD}/exports/jsonl`);
  });

  it('searches the catalogue by text and theme and pages through it', async () => {
    const { client } = odsClient({ clock: () => NOW, extraDatasets: 6 });
    const page = await client.catalog.search({ q: '许可', limit: 20 });
    expect(page.items.map((item) => item.id)).toContain(FOOD);
    const food = await client.datasets.get(FOOD);
    const byTheme = await client.catalog.search({ theme: food.themes[0]!, limit: 20 });
    for (const item of byTheme.items) expect(item.themes).toContain(food.themes[0]);
    const all: string[] = [];
    for await (const item of client.catalog.searchAll({ limit: 3 })) all.push(item.id);
    expect(all).toHaveLength(9);
    expect(new Set(all).size).toBe(9);
    expect(all).not.toContain('zj-medical-practitioners');
  });

  it('needs the API key for a restricted dataset, and sends it redacted', async () => {
    const anonymous = odsClient({ clock: () => NOW });
    await expect(anonymous.client.datasets.get('zj-medical-practitioners')).rejects.toBeInstanceOf(NotFoundError);
    const key = anonymous.sandbox.credentials.apiToken;
    const keyed = odsClient({ clock: () => NOW }, {}, key);
    const dataset = await keyed.client.datasets.get('zj-medical-practitioners');
    expect(dataset.openClass).toBe('restricted');
    const wrong = odsClient({ clock: () => NOW }, {}, 'not-the-key');
    const error = await rejectionOf<Error>(wrong.client.datasets.get(FOOD));
    expect(error.message).toContain('AuthenticationError');
    expect(JSON.stringify(error)).not.toContain('not-the-key');
  });

  it('reads a small limit through /records pages of at most 100 rows', async () => {
    const { client, sandbox, urls, count } = odsClient({ clock: () => NOW, sizes: { [FOOD]: 2_000 } });
    const rows = await client.datasets.records(FOOD, { limit: 250 }).toArray();
    expect(rows).toHaveLength(250);
    expect(count('/exports/')).toBe(0);
    const pages = urls.filter((url) => url.includes('/records') && !url.includes('limit=0'));
    expect(pages).toHaveLength(3);
    for (const url of pages) expect(Number(new URL(url).searchParams.get('limit'))).toBeLessThanOrEqual(100);
    const direct = await sandbox.fetch(`${sandbox.url}/api/explore/v2.1/catalog/datasets/${FOOD}/records?limit=100&offset=200`);
    expect(rows.slice(200)).toEqual(((await direct.json()) as { results: unknown[] }).results.slice(0, 50));
  });

  it('reads up to the 10,000-row window through /records without asking past it', async () => {
    const { client, urls } = odsClient({ clock: () => NOW, sizes: { [FOOD]: 10_050 } });
    const rows = await client.datasets.records(FOOD, { limit: 10_000, pageSize: 30, fields: ['license_no'] }).toArray();
    expect(rows).toHaveLength(10_000);
    for (const url of urls) {
      const search = new URL(url).searchParams;
      expect(Number(search.get('offset') ?? 0) + Number(search.get('limit') ?? 0)).toBeLessThanOrEqual(10_000);
    }
  });

  it('pulls 20k+ rows through one streamed jsonl export, each row exactly once', async () => {
    const { client, sandbox, count } = odsClient({ clock: () => NOW, sizes: { [FOOD]: 20_500 } });
    const rows = await client.datasets.records(FOOD).toArray();
    expect(rows).toHaveLength(20_500);
    expect(new Set(rows.map((row) => row['license_no'])).size).toBe(20_500);
    expect(count('/exports/jsonl')).toBe(1);
    const direct = await sandbox.fetch(`${sandbox.url}/api/explore/v2.1/catalog/datasets/${FOOD}/records?limit=5&offset=9995`);
    expect(rows.slice(9_995, 10_000)).toEqual(((await direct.json()) as { results: unknown[] }).results);
  });

  it('translates where, q, fields and orderBy to ODSQL, escaping quotes', async () => {
    const { client, urls } = odsClient({ clock: () => NOW, sizes: { [FOOD]: 1_500 } });
    const rows = await client.datasets
      .records(FOOD, { where: { status: ['有效', '注销'], business_type: '餐饮服务经营者' }, q: '饺子', fields: ['license_no', 'status'], orderBy: 'license_no desc', limit: 50 })
      .toArray();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row)).toEqual(['license_no', 'status']);
    const keys = rows.map((row) => row['license_no'] as string);
    expect(keys).toEqual([...keys].sort().reverse());
    const sent = new URL(urls.at(-1)!).searchParams;
    expect(sent.get('where')).toBe('(status = "有效" or status = "注销") and business_type = "餐饮服务经营者" and search("饺子")');
    expect(sent.get('select')).toBe('license_no, status');
    expect(sent.get('order_by')).toBe('license_no desc');

    const quoted = await client.datasets.records(FOOD, { where: { holder_name: 'a"b\\c' }, limit: 5 }).toArray();
    expect(quoted).toEqual([]);
    expect(new URL(urls.at(-1)!).searchParams.get('where')).toBe('holder_name = "a\\"b\\\\c"');
  });

  it('streams filtered full reads and reports portal errors as typed errors', async () => {
    const { client, count } = odsClient({ clock: () => NOW, sizes: { [FOOD]: 1_500 } });
    const rows = await client.datasets.records(FOOD, { where: { status: '有效' } }).toArray();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row['status']).toBe('有效');
    expect(count('/exports/jsonl')).toBe(1);
    const error = await rejectionOf<Error>(client.datasets.records(FOOD, { where: { no_such_column: 1 } }).toArray());
    expect(error).not.toBeInstanceOf(PortalError);
    expect(error.message).toContain('ODSQLError: Unknown field: no_such_column');
  });

  it('gives a dataset version from metas.default, which moves with a mutation', async () => {
    const { client, sandbox } = odsClient({ clock: () => NOW, sizes: { [FOOD]: 100 } });
    const before = await client.datasets.version(FOOD);
    expect(before.total).toBe(100);
    sandbox.mutate({ dataset: FOOD, add: 3 });
    const after = await client.datasets.version(FOOD);
    expect(after.total).toBe(103);
    expect(after.updatedAt!.getTime()).toBeGreaterThan(before.updatedAt!.getTime());
  });

  it('turns the quota 429 into a RateLimitError with resetAt from reset_time, without retrying', async () => {
    const { client, sandbox, urls } = odsClient({ clock: () => new Date() }, { retry: { retries: 8, minDelay: 1, maxDelay: 5 } });
    for (let call = 0; call < 10_000; call++) await sandbox.fetch(`${sandbox.url}/api/explore/v2.1/catalog/datasets?limit=0`);
    const error = await rejectionOf<RateLimitError>(client.datasets.get(FOOD));
    expect(error).toBeInstanceOf(RateLimitError);
    const tomorrow = new Date();
    tomorrow.setUTCHours(24, 0, 0, 0);
    expect(error.resetAt?.toISOString()).toBe(tomorrow.toISOString());
    expect(error.message).toContain('Too many requests on the domain');
    expect(urls).toHaveLength(1);
  });
});
