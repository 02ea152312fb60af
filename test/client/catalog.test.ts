import { describe, expect, it } from 'vitest';
import { ArgumentError, createClient, portals, UnsupportedError, type Dataset } from '../../src/index.js';
import { countingFetch, FAST_RETRY, sandboxClient } from './sandbox-client.js';

async function collect(iterable: AsyncIterable<Dataset>): Promise<Dataset[]> {
  const items: Dataset[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('catalog.search on the zhejiang flavor', () => {
  it('finds the parking dataset by keyword, theme and open class', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang' });
    const page = await client.catalog.search({ q: '停车', theme: '交通出行', openClass: 'unconditional', limit: 20 });
    expect(page.items.map((dataset) => dataset.id)).toEqual(['hz-parking-lots']);
    expect(page.total).toBe(1);
    expect(page.hasNext).toBe(false);
    expect(await page.next()).toBeUndefined();
  });

  it('lists only the restricted practitioner dataset when asked for restricted data', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang' });
    const page = await client.catalog.search({ openClass: 'restricted' });
    expect(page.items.map((dataset) => dataset.id)).toEqual(['zj-medical-practitioners']);
    expect(page.items[0]?.openClass).toBe('restricted');
  });

  it('pages through the catalogue with page.next() until the total is reached', async () => {
    const { client, sandbox, requests } = sandboxClient({ flavor: 'zhejiang', extraDatasets: 36 });
    const ids: string[] = [];
    let page = await client.catalog.search({ limit: 15 });
    expect(page.total).toBe(sandbox.datasets.length);
    for (;;) {
      ids.push(...page.items.map((dataset) => dataset.id));
      const next = await page.next();
      if (!next) break;
      page = next;
    }
    expect(ids).toHaveLength(sandbox.datasets.length);
    expect(new Set(ids)).toEqual(new Set(sandbox.datasets.map((dataset) => dataset.id)));
    expect(requests.count('catalog/search')).toBe(3);
  });

  it('searchAll yields every catalogue entry once, one request per page', async () => {
    const { client, sandbox, requests } = sandboxClient({ flavor: 'zhejiang', extraDatasets: 36 });
    const all = await collect(client.catalog.searchAll({ limit: 15 }));
    expect(all.map((dataset) => dataset.id).sort()).toEqual(sandbox.datasets.map((dataset) => dataset.id).sort());
    expect(requests.count('catalog/search')).toBe(3);
  });
});

describe('catalog.search on the ckan flavor', () => {
  it('finds the parking dataset by text and group, and reports the total', async () => {
    const { client } = sandboxClient({ flavor: 'ckan' });
    const page = await client.catalog.search({ q: '停车', theme: '交通出行', openClass: 'unconditional', limit: 20 });
    expect(page.items.map((dataset) => dataset.name)).toEqual(['hz-parking-lots']);
    expect(page.total).toBe(1);
    expect(page.hasNext).toBe(false);
  });

  it('hides private datasets from an anonymous client and shows them to one with a token', async () => {
    const { client, sandbox } = sandboxClient({ flavor: 'ckan' });
    expect((await client.catalog.search({ openClass: 'restricted' })).items).toEqual([]);
    const withToken = createClient({ portal: portals.ckan({ baseUrl: sandbox.url, token: sandbox.credentials.apiToken }), fetch: sandbox.fetch, retry: FAST_RETRY });
    const page = await withToken.catalog.search({ openClass: 'restricted', limit: 50 });
    expect(page.items.map((dataset) => dataset.name)).toEqual(['zj-medical-practitioners']);
  });

  it('pages with page.next() through a stable id order without repeating a dataset', async () => {
    const { client, sandbox } = sandboxClient({ flavor: 'ckan', extraDatasets: 6 });
    const first = await client.catalog.search({ limit: 4 });
    const public_ = sandbox.datasets.filter((dataset) => dataset.openClass === 'unconditional').length;
    expect(first.total).toBe(public_);
    expect(first.items).toHaveLength(4);
    const second = await first.next();
    expect(second?.items).toHaveLength(4);
    const third = await second?.next();
    expect(third?.items).toHaveLength(public_ - 8);
    expect(third?.hasNext).toBe(false);
    const names = [...first.items, ...(second?.items ?? []), ...(third?.items ?? [])].map((dataset) => dataset.name);
    expect(new Set(names).size).toBe(public_);
  });

  it('searchAll returns every one of 1,203 datasets exactly once despite the 1000-row cap of package_search', async () => {
    const { client, sandbox, requests } = sandboxClient({ flavor: 'ckan', extraDatasets: 1200 });
    const all = await collect(client.catalog.searchAll({ limit: 5000 }));
    const expected = sandbox.datasets.filter((dataset) => dataset.openClass === 'unconditional').map((dataset) => dataset.id);
    expect(expected).toHaveLength(1203);
    expect(all).toHaveLength(1203);
    expect(all.map((dataset) => dataset.name).sort()).toEqual([...expected].sort());
    expect(requests.count('package_search')).toBe(2);
    expect(requests.urls[0]).toContain('rows=1000');
  });

  it('searchAll with the default page size costs one request per 100 datasets', async () => {
    const { client, requests } = sandboxClient({ flavor: 'ckan', extraDatasets: 1200 });
    const all = await collect(client.catalog.searchAll());
    expect(new Set(all.map((dataset) => dataset.id)).size).toBe(1203);
    expect(requests.count('package_search')).toBe(13);
  });
});

describe('catalog filters that portals spell differently', () => {
  it.each(['zhejiang', 'ckan'] as const)('finds datasets by the publisher name a Dataset shows, on %s', async (flavor) => {
    const { client } = sandboxClient({ flavor });
    const page = await client.catalog.search({ publisher: '宁波市市场监督管理局' });
    expect(page.items.map((dataset) => dataset.name).sort()).toEqual(['nb-business-licenses', 'nb-food-licenses']);
    expect(page.total).toBe(2);
    expect(page.items.every((dataset) => dataset.publisher?.name === '宁波市市场监督管理局')).toBe(true);
  });

  it('finds datasets by a theme\'s slug on ckan too', async () => {
    const { client } = sandboxClient({ flavor: 'ckan' });
    const byTitle = await client.catalog.search({ theme: '交通出行' });
    expect(byTitle.items.every((dataset) => dataset.themes.includes('交通出行'))).toBe(true);
    const slug = (byTitle.items[0]?.raw as { groups: { name: string }[] }).groups[0]?.name as string;
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    const bySlug = await client.catalog.search({ theme: slug });
    expect(bySlug.items.map((dataset) => dataset.name)).toEqual(byTitle.items.map((dataset) => dataset.name));
    expect(bySlug.items.map((dataset) => dataset.name)).toContain('hz-parking-lots');
  });

  it('counts only restricted datasets in the total when asked for them on ckan', async () => {
    const { sandbox } = sandboxClient({ flavor: 'ckan' });
    const client = createClient({ portal: portals.ckan({ baseUrl: sandbox.url, token: sandbox.credentials.apiToken }), fetch: sandbox.fetch });
    // CKAN can only filter by capacity: the total counts every private dataset, forbidden ones too.
    const restricted = await client.catalog.search({ openClass: 'restricted' });
    expect(restricted.total).toBe(2);
    expect(restricted.items.map((dataset) => dataset.name)).toEqual(['zj-medical-practitioners']);
    const open = await client.catalog.search({ openClass: 'unconditional', limit: 100 });
    expect(open.total).toBe(sandbox.datasets.length - 2);
    expect(open.items.every((dataset) => dataset.openClass === 'unconditional')).toBe(true);
  });

  it.each(['zhejiang', 'ckan'] as const)('finds datasets modified since an instant on %s', async (flavor) => {
    const now = new Date('2027-01-01T00:00:00.000Z');
    const { client, sandbox } = sandboxClient({ flavor, clock: () => now });
    sandbox.mutate({ dataset: 'nb-food-licenses', add: 1 });
    const page = await client.catalog.search({ modifiedSince: new Date('2026-12-31T00:00:00.000Z') });
    // Live parking data is modified every minute; of the others only the mutated dataset is new.
    expect(page.items.map((dataset) => dataset.name).sort()).toEqual(['hz-parking-lots', 'nb-food-licenses']);
    // zhejiang filters dates on the client, so it cannot count the matches.
    expect(page.total).toBe(flavor === 'ckan' ? 2 : undefined);
  });

  it('finds datasets by tag on ckan', async () => {
    const { client } = sandboxClient({ flavor: 'ckan' });
    expect((await client.catalog.search({ tag: '外卖' })).items.map((dataset) => dataset.name)).toEqual(['nb-food-licenses']);
  });

  it('refuses a tag filter on zhejiang, whose catalogue has no tags', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang' });
    const error = await client.catalog.search({ tag: '外卖' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect((error as Error).message).toBe('zhejiang catalogue entries have no tags: search with q or theme instead');
  });
});

describe('catalog argument checks', () => {
  it.each([0, -1, 1.5])('refuses limit %s before any request', async (limit) => {
    const { client, requests } = sandboxClient({ flavor: 'ckan' });
    expect(() => client.catalog.search({ limit })).toThrow(ArgumentError);
    expect(() => client.catalog.search({ limit })).toThrow(`limit must be a positive whole number, got ${limit}`);
    expect(requests.count()).toBe(0);
  });
});

describe('countingFetch', () => {
  it('records each request URL it passes on', async () => {
    const { fetch, requests } = countingFetch(async () => new Response('{}'));
    await fetch(new Request('http://x.test/a/b?c=1'));
    expect(requests.urls).toEqual(['http://x.test/a/b?c=1']);
    expect(requests.count('/a/')).toBe(1);
  });
});
