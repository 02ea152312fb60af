import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, DatasetSchema, portals, ResponseFormatError, type Dataset } from '../../src/index.js';
import { BASE, countRequests, useMswServer } from '../http/msw-server.js';
import {
  discoveryAnswer,
  discoveryHit2016,
  discoveryHit2018,
  discoveryHitToday,
  discoveryHitWithoutAttribution,
  landmarkRowHeaders,
  landmarkRows,
  reservoirRowHeaders,
  reservoirRows,
  view2013,
  viewOfReservoirs,
  viewToday,
} from './fixtures/socrata-answers.js';

// Socrata as real sites answer it (see fixtures/socrata-answers.ts), read through the public API.

const server = useMswServer();
const client = () => createClient({ portal: portals.socrata({ baseUrl: BASE }), retry: false, cache: false });
const HITS = [discoveryHitToday, discoveryHitWithoutAttribution, discoveryHit2018, discoveryHit2016];

function serveDiscovery(hits: readonly unknown[] = HITS) {
  const discovery = countRequests(() => HttpResponse.json(discoveryAnswer([...hits])));
  server.use(http.get(`${BASE}/api/catalog/v1`, discovery.handler));
  return discovery;
}

function serveViews(views: readonly { id: string }[]) {
  server.use(
    http.get(`${BASE}/api/views/:file`, ({ params }) => {
      const view = views.find((item) => `${item.id}.json` === params['file']);
      return view ? HttpResponse.json(view) : HttpResponse.json({ code: 'not_found', error: true, message: 'Cannot find view' }, { status: 404 });
    }),
  );
}

/** Rows as SODA sends them for `$select=*,:id`: each with its `:id`, which the headers declare too. */
function serveRows(id: string, rows: readonly Record<string, unknown>[], headers: Record<string, string>) {
  server.use(
    http.get(`${BASE}/resource/${id}.json`, () => {
      const fields = [...(JSON.parse(headers['X-SODA2-Fields'] as string) as string[]), ':id'];
      const types = [...(JSON.parse(headers['X-SODA2-Types'] as string) as string[]), 'row_identifier'];
      const body = rows.map((row, i) => ({ ...row, ':id': `row-aaaa.${String(i).padStart(4, '0')}` }));
      return HttpResponse.json(body, { headers: { ...headers, 'X-SODA2-Fields': JSON.stringify(fields), 'X-SODA2-Types': JSON.stringify(types) } });
    }),
  );
}

function byId(items: readonly Dataset[], id: string): Dataset {
  const found = items.find((dataset) => dataset.id === id);
  if (!found) throw new Error(`no ${id} among ${items.map((dataset) => dataset.id).join(', ')}`);
  return found;
}

describe('socrata conformance: the Discovery API', () => {
  it('reads hits of 2016, 2018 and today into unified Datasets', async () => {
    const discovery = serveDiscovery();
    const page = await client().catalog.search({ limit: 20 });
    expect(new URL(discovery.seen[0]?.url as string).searchParams.get('domains')).toBe('portal.test');
    expect(page.total).toBe(4);
    expect(page.items.map((dataset) => dataset.id)).toEqual(['rsv4-lvl2', 'veh1-reg2', 'prm5-2018', 'old6-2016']);
    for (const dataset of page.items) expect(() => DatasetSchema.parse(dataset)).not.toThrow();

    const reservoirs = byId(page.items, 'rsv4-lvl2');
    expect(reservoirs).toMatchObject({
      title: 'Reservoir levels',
      description: 'Daily level and volume of each reservoir.',
      publisher: { id: null, name: 'Water Agency' },
      themes: ['Environment'],
      tags: ['reservoirs', 'water'],
      // Anonymous answers do not say whether a dataset is public.
      openClass: 'unknown',
      license: { id: null, title: 'Public Domain', url: null },
      updateFrequency: 'Daily',
      formats: ['JSON'],
    });
    // Display names (`Calendar date`) in the one vocabulary of views (`calendar_date`).
    expect(reservoirs.fields).toEqual([
      { name: 'volume', label: 'Volume (hm3)', type: 'number' },
      { name: 'level', label: 'Level (m)', type: 'number' },
      { name: 'day', label: 'Day', type: 'calendar_date' },
      { name: 'station', label: 'Station', type: 'text' },
    ]);
    expect(reservoirs.createdAt?.toISOString()).toBe('2021-01-22T11:27:16.000Z');
    expect(reservoirs.updatedAt?.toISOString()).toBe('2025-08-25T10:00:14.000Z');
    expect(reservoirs.resources).toEqual([
      { id: 'rsv4-lvl2', name: 'Reservoir levels', format: 'JSON', url: `${BASE}/resource/rsv4-lvl2.json`, queryable: true, size: null, hash: null, updatedAt: reservoirs.updatedAt },
    ]);
    expect(reservoirs.raw).toEqual(discoveryHitToday);

    // No attribution: the owner's account is the publisher, with that account's id.
    expect(byId(page.items, 'veh1-reg2')).toMatchObject({ description: '', publisher: { id: 'rdw0-0001', name: 'Vehicle Registry' } });
    expect(byId(page.items, 'veh1-reg2')).not.toHaveProperty('updateFrequency');

    const permits = byId(page.items, 'prm5-2018');
    // 2018: no data_updated_at (updatedAt instead), no license, the frequency under another key.
    expect(permits.updatedAt?.toISOString()).toBe('2017-07-21T10:01:47.000Z');
    expect(permits).toMatchObject({ license: { id: null, title: null, url: null }, themes: ['Permitting'], updateFrequency: 'Twice weekly', publisher: { id: null, name: 'Inspection Service' } });
    expect(permits.fields.map((field) => field.type)).toEqual(['calendar_date', 'number', 'location']);

    // 2016: domain_category as a list.
    expect(byId(page.items, 'old6-2016').themes).toEqual(['Environment', 'Parks']);
  });

  it('keeps every hit of a page whose metadata has unexpected types', async () => {
    // Hand-typed or trimmed metadata, beyond the recorded answers.
    const odd = {
      resource: { id: 'odd1-hit1', name: null, description: null, attribution: '', updatedAt: 'yesterday', columns_field_name: ['a', null, 'c'], columns_name: ['A'], columns_datatype: [null, 'Text'] },
      classification: null,
      metadata: 'public',
      owner: null,
    };
    serveDiscovery([discoveryHitToday, odd]);
    const page = await client().catalog.search({});
    expect(page.items.map((dataset) => dataset.id)).toEqual(['rsv4-lvl2', 'odd1-hit1']);
    const dataset = byId(page.items, 'odd1-hit1');
    expect(() => DatasetSchema.parse(dataset)).not.toThrow();
    expect(dataset).toMatchObject({ title: 'odd1-hit1', description: '', publisher: null, themes: [], tags: [], openClass: 'unknown', updatedAt: null, license: { id: null, title: null, url: null } });
    // A column without a field name is left out; the others keep their positions' labels and types.
    expect(dataset.fields).toEqual([
      { name: 'a', label: 'A', type: null },
      { name: 'c', label: null, type: null },
    ]);
  });
});

describe('socrata conformance: views', () => {
  it('reads a view of today: the attributed agency publishes, an empty frequency states nothing', async () => {
    serveViews([viewToday]);
    const dataset = await client().datasets.get('lmk3-dst4');
    expect(() => DatasetSchema.parse(dataset)).not.toThrow();
    expect(dataset).toMatchObject({
      id: 'lmk3-dst4',
      title: 'Landmark districts',
      // Not the owner account (`siteadmin`): id and name describe the same party.
      publisher: { id: null, name: 'City Planning Department' },
      themes: ['Historic Preservation'],
      tags: ['landmarks', 'tourism', 'gis'],
      openClass: 'unconditional',
      license: { id: null, title: null, url: null },
      fields: [
        { name: 'district_name', label: 'DISTRICT NAME', type: 'text' },
        { name: 'designation_date', label: 'DESIGNATION DATE', type: 'date' },
      ],
    });
    expect(dataset).not.toHaveProperty('updateFrequency');
    expect(dataset.createdAt?.toISOString()).toBe('2010-04-28T22:44:13.000Z');
    expect(dataset.updatedAt?.toISOString()).toBe('2011-08-21T02:47:29.000Z');
    expect(dataset.raw).toEqual(viewToday);
  });

  it('reads a view of 2013 with neither attribution nor description: the owner account publishes', async () => {
    serveViews([view2013]);
    const dataset = await client().datasets.get('stf2-2010');
    expect(dataset).toMatchObject({ description: '', publisher: { id: 'ownr-2010', name: 'budget office' }, themes: ['Government'] });
    expect(dataset.fields.map((field) => [field.name, field.type])).toEqual([
      ['employee_name', 'text'],
      ['salary', 'money'],
    ]);
  });

  it('gives a dataset the same fields from its view as from the Discovery API', async () => {
    serveDiscovery([discoveryHitToday]);
    serveViews([viewOfReservoirs]);
    const fromView = await client().datasets.get('rsv4-lvl2');
    const [fromCatalogue] = (await client().catalog.search({})).items;
    expect(fromView.fields).toEqual(fromCatalogue?.fields);
    expect(fromView.publisher).toEqual(fromCatalogue?.publisher);
    expect(fromView.updateFrequency).toBe(fromCatalogue?.updateFrequency);
  });

  it('keeps a view whose metadata is trimmed or mistyped', async () => {
    // A view trimmed by hand can lack its name (shared/real-responses/README.md); the rest is hand-typed.
    const trimmed = {
      id: 'trim-0001',
      description: '',
      createdAt: '1272494653',
      tags: null,
      grants: null,
      columns: [{ fieldName: 'a', dataTypeName: 'Number' }, { name: 'no field name' }, null],
      metadata: { custom_fields: { Broken: 'not a section', Metadata: { Frequency: ['Monthly'] } } },
      owner: { id: 'ownr-0009', displayName: '' },
      license: 'CC0',
    };
    serveViews([trimmed]);
    const dataset = await client().datasets.get('trim-0001');
    expect(() => DatasetSchema.parse(dataset)).not.toThrow();
    expect(dataset).toMatchObject({
      title: 'trim-0001',
      description: '',
      publisher: null,
      tags: [],
      openClass: 'unknown',
      license: { id: null, title: null, url: null },
      fields: [{ name: 'a', label: null, type: 'number' }],
      updateFrequency: 'Monthly',
    });
    expect(dataset.createdAt?.toISOString()).toBe('2010-04-28T22:44:13.000Z');
  });
});

describe('socrata conformance: rows', () => {
  // Reading rows looks the dataset up once, for its open class.
  it('types cells by X-SODA2-Types and leaves omitted null cells omitted', async () => {
    serveViews([viewOfReservoirs, viewToday]);
    serveRows('rsv4-lvl2', reservoirRows, reservoirRowHeaders);
    const rows = await client().datasets.records('rsv4-lvl2').toArray();
    expect(rows).toEqual([
      { volume: 112.5, level: 402.25, day: '2025-08-24T00:00:00.000', station: 'North' },
      { volume: 87, day: '2025-08-24T00:00:00.000', station: 'South' },
    ]);
  });

  it('keeps fixed timestamps as sent, with their zone', async () => {
    serveViews([viewOfReservoirs, viewToday]);
    serveRows('lmk3-dst4', landmarkRows, landmarkRowHeaders);
    const rows = await client().datasets.records('lmk3-dst4').toArray();
    expect(rows).toEqual(landmarkRows);
  });

  it('keeps row answers strict: an object where rows were expected is a ResponseFormatError', async () => {
    serveViews([viewOfReservoirs, viewToday]);
    server.use(http.get(`${BASE}/resource/lmk3-dst4.json`, () => HttpResponse.json({ rows: landmarkRows }, { headers: landmarkRowHeaders })));
    await expect(client().datasets.records('lmk3-dst4').toArray()).rejects.toBeInstanceOf(ResponseFormatError);
  });
});
