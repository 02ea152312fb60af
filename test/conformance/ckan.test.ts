import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, DatasetSchema, portals, ResponseFormatError, type Dataset } from '../../src/index.js';
import { BASE, countRequests, useMswServer } from '../http/msw-server.js';
import {
  actionAnswer,
  datastorePage,
  datastoreSearchWithQ,
  mobileDataRows,
  packageOfOrganization,
  packageSearchResult,
  packageWithoutOrganization,
  packageWithSizeAsText,
} from './fixtures/ckan-answers.js';

// CKAN as real sites answer it (see fixtures/ckan-answers.ts), read through the public API.

const server = useMswServer();
const action = (name: string) => `${BASE}/api/3/action/${name}`;
const client = () => createClient({ portal: portals.ckan({ baseUrl: BASE }), retry: false, cache: false });
const STORE = packageOfOrganization.resources[0]?.id as string;

function servePackages(packages: readonly { id: string; name: string }[], search: unknown = { ...packageSearchResult, results: packages, count: packages.length }) {
  server.use(
    http.get(action('package_search'), () => HttpResponse.json(actionAnswer('package_search', search))),
    http.get(action('package_show'), ({ request }) => {
      const id = new URL(request.url).searchParams.get('id');
      const found = packages.find((pkg) => pkg.id === id || pkg.name === id);
      return found
        ? HttpResponse.json(actionAnswer('package_show', found))
        : HttpResponse.json({ help: '', success: false, error: { __type: 'Not Found Error', message: 'Not found' } }, { status: 404 });
    }),
  );
}

function byName(items: readonly Dataset[], name: string): Dataset {
  const found = items.find((dataset) => dataset.name === name);
  if (!found) throw new Error(`no ${name} among ${items.map((dataset) => dataset.name).join(', ')}`);
  return found;
}

describe('ckan conformance: catalogue and datasets', () => {
  it('reads a package_search page as real sites send it into unified Datasets', async () => {
    servePackages([packageWithoutOrganization, packageWithSizeAsText, packageOfOrganization], packageSearchResult);
    const page = await client().catalog.search({ limit: 20 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(3);
    for (const dataset of page.items) expect(() => DatasetSchema.parse(dataset)).not.toThrow();

    const trees = byName(page.items, 'canal-trees');
    expect(trees).toMatchObject({
      id: '0b9d4c1e-7f2a-4c55-9a1e-3d2f6b8c9e01',
      title: 'Canal Trees',
      description: 'Trees planted along the canal walk, by species.',
      // organization: null — no publisher rather than a made-up one.
      publisher: null,
      themes: [],
      tags: ['trees', 'canal walk'],
      openClass: 'unconditional',
      // The "other-open" license has no license_url key at all.
      license: { id: 'other-open', title: 'Other (Open)', url: null },
      formats: ['CSV'],
      fields: [],
      portal: { family: 'ckan', baseUrl: BASE },
    });
    expect(trees.createdAt?.toISOString()).toBe('2019-03-04T05:06:07.123Z');
    expect(trees.updatedAt?.toISOString()).toBe('2019-03-04T05:09:10.654Z');
    expect(trees).not.toHaveProperty('updateFrequency');
    expect(trees).not.toHaveProperty('recordCount');
    // size, last_modified and hash nobody filled in: null size and hash, the resource's creation as its date.
    expect(trees.resources).toEqual([
      {
        id: '6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        name: 'canal-trees.csv',
        format: 'CSV',
        url: packageWithoutOrganization.resources[0]?.url,
        queryable: false,
        size: null,
        hash: null,
        updatedAt: new Date('2019-03-04T05:07:00.000Z'),
      },
    ]);
    // raw is the package as the site sent it, keys the model does not read included.
    expect(trees.raw).toEqual(packageWithoutOrganization);

    const stops = byName(page.items, 'bus-stops-2020');
    // A size sent as text is a number.
    expect(stops.resources[0]).toMatchObject({ format: 'PDF', size: 48213, queryable: false });
    expect(stops).toMatchObject({ title: '公交站点分布', description: '公交站点分布', formats: ['PDF'] });
    expect(stops.license).toEqual({ id: 'cc-by', title: 'Creative Commons Attribution', url: 'http://www.opendefinition.org/licenses/cc-by' });

    const mobile = byName(page.items, 'mobile-data-usage');
    // The organization's name (its slug) and title are the same party.
    expect(mobile.publisher).toEqual({ id: 'stats-office', name: 'Statistics Office' });
    expect(mobile.resources[0]).toMatchObject({ id: STORE, queryable: true, format: 'CSV' });
    expect(mobile).not.toHaveProperty('updateFrequency');
  });

  it('reads package_show into the same Dataset the catalogue gives', async () => {
    servePackages([packageWithoutOrganization, packageWithSizeAsText, packageOfOrganization], packageSearchResult);
    const shown = await client().datasets.get('mobile-data-usage');
    const listed = byName((await client().catalog.search({})).items, 'mobile-data-usage');
    expect(shown).toEqual(listed);
    expect(shown.tags).toEqual(['2021', 'età']);
  });

  it('keeps every entry of a page whose metadata fields have unexpected types', async () => {
    // Hand-typed metadata, beyond the recorded answers: the kinds of odd field the issue names.
    const odd = {
      id: 42,
      name: 'odd-fields',
      title: ['Odd', 'fields'],
      notes: null,
      private: 'false',
      organization: '',
      metadata_created: 20190304,
      metadata_modified: '2019-03-05T00:00:00',
      // API v1/v2: tags as names, extras as an object.
      tags: ['one', { name: 'two' }, null, 3],
      groups: [{ name: 'transport' }, 'parks'],
      extras: { update_frequency: '', frequency: 'weekly', unknown_key: { nested: true } },
      license_id: null,
      license_title: '',
      resources: [
        { id: 'r1', name: null, format: null, url: '', size: 'n/a', datastore_active: 'true', last_modified: '' },
        { name: 'no id: left out' },
        'not a resource',
      ],
      num_tags: '4',
      a_key_of_an_extension: [1, 2, 3],
    };
    servePackages([packageWithoutOrganization, odd as unknown as { id: string; name: string }, packageOfOrganization]);
    const page = await client().catalog.search({});
    expect(page.items.map((dataset) => dataset.name)).toEqual(['canal-trees', 'odd-fields', 'mobile-data-usage']);
    const dataset = byName(page.items, 'odd-fields');
    expect(() => DatasetSchema.parse(dataset)).not.toThrow();
    expect(dataset).toMatchObject({
      id: '42',
      title: 'Odd, fields',
      description: '',
      publisher: null,
      themes: ['transport', 'parks'],
      tags: ['one', 'two', '3'],
      openClass: 'unconditional',
      license: { id: null, title: null, url: null },
      // The empty `update_frequency` states nothing; the filled `frequency` does.
      updateFrequency: 'weekly',
      createdAt: null,
    });
    expect(dataset.updatedAt?.toISOString()).toBe('2019-03-05T00:00:00.000Z');
    expect(dataset.resources).toEqual([{ id: 'r1', name: 'r1', format: '', url: null, queryable: true, size: null, hash: null, updatedAt: null }]);
  });

  it('refuses a page with an entry that has no id at all: ids are what paging and look-ups stand on', async () => {
    servePackages([packageWithoutOrganization, { title: 'no id' } as unknown as { id: string; name: string }]);
    const error = await client().catalog.search({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).message).toMatch(/result/);
  });
});

describe('ckan conformance: DataStore records', () => {
  function serveStore() {
    servePackages([packageOfOrganization]);
    const store = countRequests((request) => {
      const params = new URL(request.url).searchParams;
      expect(params.get('resource_id')).toBe(STORE);
      const q = params.get('q');
      if (q) return HttpResponse.json(actionAnswer('datastore_search', datastoreSearchWithQ(STORE, q)));
      return HttpResponse.json(actionAnswer('datastore_search', datastorePage(STORE, Number(params.get('offset') ?? 0), Number(params.get('limit')))));
    });
    server.use(http.get(action('datastore_search'), store.handler));
    return store;
  }

  it('pages through numeric cells sent as text, typed by the declared fields, a null cell kept', async () => {
    const store = serveStore();
    const rows = await client().datasets.records('mobile-data-usage', { pageSize: 5 }).toArray();
    expect(rows).toEqual(mobileDataRows.map((row, i) => ({ _id: i + 1, quarter: row.quarter, volume_of_mobile_data: row.volume === null ? null : Number(row.volume) })));
    // Two pages of five for seven rows: the second is short and the total is reached.
    expect(store.seen.map((request) => new URL(request.url).searchParams.get('offset') ?? '0')).toEqual(['0', '5']);
  });

  it('reads a full-text search whose records carry a rank the fields do not declare, text staying text', async () => {
    serveStore();
    const rows = await client().datasets.records('mobile-data-usage', { q: 'Riverside' }).toArray();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ _id: 12, Suburb: 'Riverside', Site_postcode: '3350', Exposure_date: '12/09/2021', rank: 0.0573088 });
  });

  it('keeps record pages strict: records that are not rows are a ResponseFormatError', async () => {
    servePackages([packageOfOrganization]);
    server.use(http.get(action('datastore_search'), () => HttpResponse.json(actionAnswer('datastore_search', { ...datastorePage(STORE, 0, 5), records: ['0.000384', '0.000543'] }))));
    await expect(client().datasets.records('mobile-data-usage').toArray()).rejects.toBeInstanceOf(ResponseFormatError);
  });
});
