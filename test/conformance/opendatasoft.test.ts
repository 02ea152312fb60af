import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, DatasetSchema, portals, ResponseFormatError } from '../../src/index.js';
import { BASE, countRequests, useMswServer } from '../http/msw-server.js';
import { bareEntry, catalogAnswer, cityRows, describedEntry, groupsAnswer, recordsAnswer } from './fixtures/opendatasoft-answers.js';

// Opendatasoft as its own examples answer (see fixtures/opendatasoft-answers.ts), read through the public API.

const server = useMswServer();
const API = `${BASE}/api/explore/v2.1`;
const client = () => createClient({ portal: portals.opendatasoft({ baseUrl: BASE }), retry: false, cache: false });

function serveEntries(entries: readonly { dataset_id: string }[], totalCount = 19) {
  server.use(
    http.get(`${API}/catalog/datasets`, () => HttpResponse.json(catalogAnswer([...entries], totalCount))),
    http.get(`${API}/catalog/datasets/:id`, ({ params }) => {
      const entry = entries.find((item) => item.dataset_id === params['id']);
      return entry ? HttpResponse.json(entry) : HttpResponse.json({ error_code: 'NotFound', message: 'Unknown dataset' }, { status: 404 });
    }),
  );
}

describe('opendatasoft conformance: catalogue and datasets', () => {
  it('reads catalogue entries, described or not, into unified Datasets', async () => {
    serveEntries([describedEntry, bareEntry]);
    const page = await client().catalog.search({ limit: 2 });
    expect(page.total).toBe(19);
    expect(page.items.map((dataset) => dataset.id)).toEqual(['district-boundaries', 'cities-1000']);
    for (const dataset of page.items) expect(() => DatasetSchema.parse(dataset)).not.toThrow();

    const [described, bare] = page.items;
    expect(described).toMatchObject({
      title: 'District Boundaries',
      publisher: { id: null, name: 'Mapping Office' },
      themes: ['Administration, Government, Public finances, Citizenship'],
      tags: ['boundaries', 'districts'],
      license: {
        id: 'Open Government Licence v3.0',
        title: 'Open Government Licence v3.0',
        url: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      },
      // The examples carry no `visibility`.
      openClass: 'unknown',
      recordCount: 256,
      formats: ['JSONL', 'CSV'],
      createdAt: null,
    });
    expect(described?.description).toContain('The boundaries of every district.');
    expect(described?.updatedAt?.toISOString()).toBe('2021-06-23T14:59:57.000Z');
    expect(described?.fields[0]).toEqual({ name: 'geo_point_2d', label: 'Geo Point', type: 'geo_point_2d' });
    expect(described?.resources.map((resource) => [resource.format, resource.updatedAt?.toISOString()])).toEqual([
      ['JSONL', '2019-05-15T07:49:01.000Z'],
      ['CSV', '2019-05-15T07:49:01.000Z'],
    ]);
    expect(described).not.toHaveProperty('updateFrequency');
    expect(described?.raw).toEqual(describedEntry);

    // keyword, theme, description, publisher and license all null: empty lists, no publisher, no license.
    expect(bare).toMatchObject({ description: '', publisher: null, themes: [], tags: [], license: { id: null, title: null, url: null }, recordCount: 137609 });
    expect(bare?.fields.map((field) => field.type)).toEqual(['text', 'text', 'text', 'text', 'int', 'text', 'date', 'geo_point_2d']);
  });

  it('reads the update frequency and creation date of the DCAT template', async () => {
    const withDcat = { ...bareEntry, metas: { ...bareEntry.metas, dcat: { created: '2015-02-03T00:00:00+00:00', accrualperiodicity: 'monthly', creator: null } } };
    serveEntries([withDcat]);
    const dataset = await client().datasets.get('cities-1000');
    expect(dataset.updateFrequency).toBe('monthly');
    expect(dataset.createdAt?.toISOString()).toBe('2015-02-03T00:00:00.000Z');
  });

  it('keeps every entry of a page whose metadata has unexpected types', async () => {
    // Hand-typed metadata, beyond the vendor's examples.
    const odd = {
      dataset_id: 'odd-metas',
      has_records: 'true',
      fields: [{ name: 'a', label: null, type: 'text' }, { label: 'no name' }, 'text'],
      metas: { default: { title: ['Odd', 'metas'], theme: 'Transport', keyword: '', records_count: '1200', modified: 'not a date', publisher: { name: 'An object' } } },
    };
    const noMetas = { dataset_id: 'no-metas', metas: null, fields: null };
    serveEntries([describedEntry, odd, noMetas], 3);
    const page = await client().catalog.search({});
    expect(page.items.map((dataset) => dataset.id)).toEqual(['district-boundaries', 'odd-metas', 'no-metas']);
    for (const dataset of page.items) expect(() => DatasetSchema.parse(dataset)).not.toThrow();
    expect(page.items[1]).toMatchObject({ title: 'Odd, metas', themes: ['Transport'], tags: [], recordCount: 1200, updatedAt: null, publisher: null, fields: [{ name: 'a', label: null, type: 'text' }] });
    expect(page.items[2]).toMatchObject({ title: 'no-metas', description: '', fields: [], themes: [] });
  });
});

describe('opendatasoft conformance: records and aggregates', () => {
  it('reads typed rows with null cells kept, geo points and lists as sent', async () => {
    serveEntries([bareEntry]);
    const records = countRequests(() => HttpResponse.json(recordsAnswer(cityRows, 137611)));
    server.use(http.get(`${API}/catalog/datasets/cities-1000/records`, records.handler));
    const rows = await client().datasets.records('cities-1000', { limit: 2 }).toArray();
    expect(rows).toEqual(cityRows);
    expect(records.seen).toHaveLength(1);
  });

  it('aggregates through group_by answers that carry no total_count, paging until a short page', async () => {
    serveEntries([bareEntry]);
    const groups = Array.from({ length: 105 }, (_, i) => ({ country_code: `C${String(i).padStart(3, '0')}`, n: i + 1, people: (i + 1) * 1000 }));
    const grouped = countRequests((request) => {
      const params = new URL(request.url).searchParams;
      expect(params.get('group_by')).toBe('country_code');
      const offset = Number(params.get('offset') ?? 0);
      return HttpResponse.json(groupsAnswer(groups.slice(offset, offset + Number(params.get('limit')))));
    });
    server.use(http.get(`${API}/catalog/datasets/cities-1000/records`, grouped.handler));
    const result = await client().datasets.aggregate('cities-1000', { groupBy: 'country_code', metrics: { n: 'count', people: ['sum', 'population'] } });
    expect(result.computedBy).toBe('portal');
    expect(result.rows).toHaveLength(105);
    expect(result.rows[104]).toEqual({ country_code: 'C104', n: 105, people: 105_000 });
    expect(grouped.seen.map((request) => new URL(request.url).searchParams.get('offset'))).toEqual(['0', '100']);
  });

  it('keeps record pages strict: a rows answer without total_count is a ResponseFormatError', async () => {
    serveEntries([bareEntry]);
    server.use(http.get(`${API}/catalog/datasets/cities-1000/records`, () => HttpResponse.json({ results: cityRows })));
    await expect(client().datasets.records('cities-1000', { limit: 2 }).toArray()).rejects.toBeInstanceOf(ResponseFormatError);
  });
});
