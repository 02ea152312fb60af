import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { auth, get, NOW, post, send } from './ckan-call.js';

const sandbox = createSandbox({ flavor: 'ckan', seed: 21, clock: () => NOW, sizes: { 'nb-food-licenses': 1500 } });
const food = sandbox.datasets.find((dataset) => dataset.id === 'nb-food-licenses')!;
const parking = sandbox.datasets.find((dataset) => dataset.id === 'hz-parking-lots')!;
const practitioners = sandbox.datasets.find((dataset) => dataset.id === 'zj-medical-practitioners')!;

async function resourceIdOf(id: string): Promise<string> {
  return (await get(sandbox, 'package_show', { id }, auth(sandbox))).body.result.resources[0].id;
}

describe('datastore_search', () => {
  it('returns 100 records with _id, typed fields, total and links by default', async () => {
    const rid = await resourceIdOf(food.id);
    const { status, body } = await get(sandbox, 'datastore_search', { resource_id: rid });
    expect(status).toBe(200);
    const result = body.result;
    expect(result.records).toHaveLength(100);
    expect(result.total).toBe(1500);
    expect(result.total_was_estimated).toBe(false);
    expect(result.limit).toBe(100);
    expect(result.resource_id).toBe(rid);
    expect(result.fields[0]).toEqual({ id: '_id', type: 'int' });
    expect(result.fields.slice(1).map((field: any) => field.id)).toEqual(food.columns.map((column) => column.name));
    expect(result.records.map((record: any) => record._id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(result._links).toEqual({
      start: `/api/3/action/datastore_search?resource_id=${rid}`,
      next: `/api/3/action/datastore_search?resource_id=${rid}&offset=100`,
    });
  });

  it('types columns from their definitions: numbers as JSON numbers and dates as naive timestamps', async () => {
    const { body } = await get(sandbox, 'datastore_search', { resource_id: parking.id, limit: 5 });
    for (const column of parking.columns) {
      const field = body.result.fields.find((f: any) => f.id === column.name);
      const expected = { string: 'text', integer: 'int4', number: 'numeric', date: 'timestamp', datetime: 'timestamp' }[column.type];
      expect(field.type).toBe(expected);
      for (const record of body.result.records) {
        const value = record[column.name];
        if (value === null) continue;
        if (column.type === 'integer' || column.type === 'number') expect(typeof value).toBe('number');
        if (column.type === 'date' || column.type === 'datetime') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/);
      }
    }
    const dated = await get(sandbox, 'datastore_search', { resource_id: food.id, limit: 5 });
    const dateColumn = food.columns.find((column) => column.type === 'date')!;
    expect(dated.body.result.records[0][dateColumn.name]).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00$/);
  });

  it('accepts a dataset name as a resource alias and `id` for `resource_id`', async () => {
    const rid = await resourceIdOf(food.id);
    const byAlias = await get(sandbox, 'datastore_search', { resource_id: food.id, limit: 3 });
    const byId = await get(sandbox, 'datastore_search', { id: rid, limit: 3 });
    expect(byAlias.body.result.records).toEqual(byId.body.result.records);
    expect(byAlias.body.result.resource_id).toBe(rid);
  });

  it('serves masked personal data only', async () => {
    const masked = practitioners.columns.filter((column) => column.masked);
    expect(masked.length).toBeGreaterThan(0);
    const { body } = await get(sandbox, 'datastore_search', { resource_id: practitioners.id, limit: 50 }, auth(sandbox));
    for (const record of body.result.records) for (const column of masked) expect(record[column.name]).toContain('*');
  });

  it('refuses a private resource without the token', async () => {
    const { status, body } = await get(sandbox, 'datastore_search', { resource_id: practitioners.id });
    expect(status).toBe(403);
    expect(body.error.__type).toBe('Authorization Error');
  });

  it('filters by equality on one value or a list of values', async () => {
    const all = (await get(sandbox, 'datastore_search', { resource_id: food.id, limit: 32000 })).body.result.records;
    const statuses = [...new Set(all.map((record: any) => record.status))] as string[];
    expect(statuses.length).toBeGreaterThan(1);
    const one = await get(sandbox, 'datastore_search', { resource_id: food.id, filters: { status: statuses[0] }, limit: 32000 });
    const expected = all.filter((record: any) => record.status === statuses[0]);
    expect(one.body.result.total).toBe(expected.length);
    expect(one.body.result.records).toEqual(expected);
    const two = await get(sandbox, 'datastore_search', { resource_id: food.id, filters: { status: statuses.slice(0, 2) }, limit: 0 });
    expect(two.body.result.total).toBe(all.filter((record: any) => statuses.slice(0, 2).includes(record.status)).length);
    expect(two.body.result.records).toEqual([]);
  });

  it('compares date filters as timestamps, so a plain day matches', async () => {
    const first = (await get(sandbox, 'datastore_search', { resource_id: food.id, limit: 1 })).body.result.records[0];
    const dateColumn = food.columns.find((column) => column.type === 'date')!.name;
    const day = String(first[dateColumn]).slice(0, 10);
    const { body } = await get(sandbox, 'datastore_search', { resource_id: food.id, filters: { [dateColumn]: day } });
    expect(body.result.total).toBeGreaterThan(0);
    expect(body.result.records.every((record: any) => record[dateColumn] === `${day}T00:00:00`)).toBe(true);
  });

  it('searches full text with q, or one column with a q object', async () => {
    const first = (await get(sandbox, 'datastore_search', { resource_id: food.id, limit: 1 })).body.result.records[0];
    const key = food.key;
    const text = await get(sandbox, 'datastore_search', { resource_id: food.id, q: String(first[key]) });
    expect(text.body.result.records.map((record: any) => record[key])).toContain(first[key]);
    const column = await get(sandbox, 'datastore_search', { resource_id: food.id, q: { [key]: String(first[key]) } });
    expect(column.body.result.total).toBe(1);
    expect(column.body.result.records[0]._id).toBe(first._id);
    const nothing = await get(sandbox, 'datastore_search', { resource_id: food.id, q: '不存在的字符串zzz' });
    expect(nothing.body.result.total).toBe(0);
  });

  it('returns only the requested fields', async () => {
    const { body } = await get(sandbox, 'datastore_search', { resource_id: food.id, fields: `_id,${food.key}, status`, limit: 3 });
    expect(body.result.fields.map((field: any) => field.id)).toEqual(['_id', food.key, 'status']);
    for (const record of body.result.records) expect(Object.keys(record)).toEqual(['_id', food.key, 'status']);
  });

  it('sorts by columns in either direction, ties broken by _id', async () => {
    const { body } = await get(sandbox, 'datastore_search', { resource_id: food.id, sort: 'status desc, _id asc', limit: 32000 });
    const records = body.result.records;
    expect(records).toHaveLength(1500);
    for (let i = 1; i < records.length; i++) {
      const [a, b] = [records[i - 1], records[i]];
      expect(a.status > b.status || (a.status === b.status && a._id < b._id)).toBe(true);
    }
    const reversed = await get(sandbox, 'datastore_search', { resource_id: food.id, sort: '_id desc', limit: 2 });
    expect(reversed.body.result.records.map((record: any) => record._id)).toEqual([1500, 1499]);
  });

  it('answers invalid parameters with 409 Validation Errors in CKAN wording', async () => {
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ resource_id: food.id, filters: '{"status": ' }, { filters: ['Cannot parse JSON'] }],
      [{ resource_id: food.id, filters: { colour: 'red' } }, { filters: ['field "colour" not in table'] }],
      [{ resource_id: food.id, sort: 'colour asc' }, { sort: ['field "colour" not in table'] }],
      [{ resource_id: food.id, fields: 'colour' }, { fields: ['field "colour" not in table'] }],
      [{ resource_id: food.id, limit: 'lots' }, { limit: ['Invalid integer'] }],
      [{ resource_id: food.id, offset: '-5' }, { offset: ['Must be a natural number'] }],
      [{}, { resource_id: ['Missing value'] }],
    ];
    for (const [params, errors] of cases) {
      const { status, body } = await get(sandbox, 'datastore_search', params);
      expect(status, JSON.stringify(params)).toBe(409);
      expect(body.success).toBe(false);
      expect(body.error).toEqual({ __type: 'Validation Error', ...errors });
    }
  });

  it('answers an unknown resource with a 404 Not Found Error', async () => {
    const { status, body } = await get(sandbox, 'datastore_search', { resource_id: 'nope' });
    expect(status).toBe(404);
    expect(body.error).toEqual({ __type: 'Not Found Error', message: 'Not found: Resource "nope" was not found.' });
  });

  it('caps limit at 32000 and serves an empty page past the end', async () => {
    const big = createSandbox({ flavor: 'ckan', seed: 2, sizes: { 'nb-business-licenses': 40_000 } });
    const capped = await get(big, 'datastore_search', { resource_id: 'nb-business-licenses', limit: 50_000, fields: '_id' });
    expect(capped.body.result.limit).toBe(32_000);
    expect(capped.body.result.records).toHaveLength(32_000);
    const past = await get(big, 'datastore_search', { resource_id: 'nb-business-licenses', offset: 9_000_000_000 });
    expect(past.status).toBe(200);
    expect(past.body.result.records).toEqual([]);
    expect(past.body.result.total).toBe(40_000);
  });

  it('leaves the total out when include_total is false', async () => {
    const { body } = await get(sandbox, 'datastore_search', { resource_id: food.id, include_total: 'false', limit: 2 });
    expect(body.result).not.toHaveProperty('total');
    expect(body.result.records).toHaveLength(2);
  });

  it('links to the next page with the same parameters and a larger offset', async () => {
    const params = { resource_id: food.id, filters: { status: 'x' }, limit: 10, offset: 20 };
    const { body } = await get(sandbox, 'datastore_search', params);
    const next = new URL(body.result._links.next, sandbox.url);
    expect(next.pathname).toBe('/api/3/action/datastore_search');
    expect(Object.fromEntries(next.searchParams)).toEqual({ resource_id: food.id, filters: '{"status":"x"}', limit: '10', offset: '30' });
    const start = new URL(body.result._links.start, sandbox.url);
    expect(start.searchParams.has('offset')).toBe(false);
  });

  it('follows _links.next through every row exactly once', async () => {
    let url = `/api/3/action/datastore_search?resource_id=${food.id}&limit=400`;
    const ids: number[] = [];
    for (;;) {
      const { body } = await send(sandbox, `${sandbox.url}${url}`);
      if (body.result.records.length === 0) break;
      ids.push(...body.result.records.map((record: any) => record._id));
      url = body.result._links.next;
    }
    expect(ids).toEqual(Array.from({ length: 1500 }, (_, i) => i + 1));
  });

  it('answers POSTed JSON bodies with JSON filters like GET', async () => {
    const viaGet = await get(sandbox, 'datastore_search', { resource_id: food.id, filters: { status: '有效' }, limit: 5 });
    const viaPost = await post(sandbox, 'datastore_search', { resource_id: food.id, filters: { status: '有效' }, limit: 5 });
    expect(viaPost.body.result.records).toEqual(viaGet.body.result.records);
    expect(viaPost.body.result.total).toBe(viaGet.body.result.total);
    const next = new URL(viaPost.body.result._links.next, sandbox.url);
    expect(next.searchParams.get('filters')).toBe('{"status":"有效"}');
  });
});

describe('datastore_search keyset paging', () => {
  it('offers next_page only when sorted by _id', async () => {
    const sorted = await get(sandbox, 'datastore_search', { resource_id: food.id, sort: '_id', limit: 10 });
    expect(sorted.body.result._links.next_page).toBe(`/api/3/action/datastore_search?resource_id=${food.id}&sort=_id&limit=10&after=10`);
    const unsorted = await get(sandbox, 'datastore_search', { resource_id: food.id, limit: 10 });
    expect(unsorted.body.result._links).not.toHaveProperty('next_page');
    const other = await get(sandbox, 'datastore_search', { resource_id: food.id, sort: 'status asc', limit: 10 });
    expect(other.body.result._links).not.toHaveProperty('next_page');
  });

  it('covers every row exactly once while rows are added and removed between pages', async () => {
    const live = createSandbox({ flavor: 'ckan', seed: 9, clock: () => NOW, sizes: { 'nb-food-licenses': 2345 } });
    let url = `/api/3/action/datastore_search?resource_id=nb-food-licenses&sort=_id+asc&limit=500`;
    const ids: number[] = [];
    let pages = 0;
    let removedIds: number[] = [];
    for (;;) {
      const { body } = await send(live, `${live.url}${url}`);
      if (body.result.records.length === 0) break;
      ids.push(...body.result.records.map((record: any) => record._id));
      pages++;
      if (pages === 2) {
        // Remove two rows that were already served and add three: offsets would now shift.
        const served = body.result.records.slice(0, 2).map((record: any) => record.license_no);
        removedIds = body.result.records.slice(0, 2).map((record: any) => record._id);
        live.mutate({ dataset: 'nb-food-licenses', remove: served, add: 3 });
      }
      url = body.result._links.next_page;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids).toHaveLength(2345 + 3);
    expect(ids).toEqual(expect.arrayContaining(removedIds));
    const total = (await get(live, 'datastore_search', { resource_id: 'nb-food-licenses', limit: 0 })).body.result.total;
    expect(total).toBe(2345 - 2 + 3);
  });

  it('pages a filtered query by _id with the keyset link too', async () => {
    const status = (await get(sandbox, 'datastore_search', { resource_id: food.id, limit: 1 })).body.result.records[0].status;
    const everything = await get(sandbox, 'datastore_search', { resource_id: food.id, filters: { status }, limit: 32000 });
    let url = `/api/3/action/datastore_search?${new URLSearchParams({ resource_id: food.id, filters: JSON.stringify({ status }), sort: '_id', limit: '37' })}`;
    const ids: number[] = [];
    for (;;) {
      const { body } = await send(sandbox, `${sandbox.url}${url}`);
      if (body.result.records.length === 0) break;
      expect(body.result.total).toBe(everything.body.result.total);
      ids.push(...body.result.records.map((record: any) => record._id));
      url = body.result._links.next_page;
    }
    expect(ids).toEqual(everything.body.result.records.map((record: any) => record._id));
  });

  it('refuses the keyset parameter with any order other than _id', async () => {
    const { status, body } = await get(sandbox, 'datastore_search', { resource_id: food.id, sort: 'status asc', after: 10 });
    expect(status).toBe(409);
    expect(body.error.__type).toBe('Validation Error');
    expect(body.error).toHaveProperty('after');
  });
});
