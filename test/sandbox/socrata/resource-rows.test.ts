import { describe, expect, it } from 'vitest';
import { fourByFour } from '../../../src/sandbox/flavors/socrata/index.js';
import { rows, soda, socrataSandbox, warm } from './socrata-call.js';

type Rows = Record<string, unknown>[];

describe('socrata /resource rows', () => {
  it('answers 202 once for a cold dataset, then serves rows', async () => {
    const sandbox = socrataSandbox();
    const first = await soda(sandbox, rows('nb-food-licenses'));
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ message: expect.stringContaining('nb-food-licenses') });
    const second = await soda(sandbox, rows('nb-food-licenses'));
    expect(second.status).toBe(200);
    expect(second.body as Rows).toHaveLength(1000);
  });

  it('keeps datasets at or under the cold-start threshold warm', async () => {
    const sandbox = socrataSandbox({ sizes: { 'nb-food-licenses': 1000 } });
    expect((await soda(sandbox, rows('nb-food-licenses', { $limit: '2' }))).status).toBe(200);
  });

  it('writes numbers as strings, omits null cells and names fields and types in headers', async () => {
    const sandbox = socrataSandbox();
    await warm(sandbox, 'hz-parking-lots');
    const answer = await soda(sandbox, rows('hz-parking-lots', { $limit: '3' }));
    const [row] = answer.body as Rows;
    expect(typeof row?.['total_spaces']).toBe('string');
    expect(Number(row?.['total_spaces'])).toBeGreaterThan(0);
    expect(JSON.parse(answer.headers.get('x-soda2-fields') ?? '[]')).toEqual(['lot_id', 'name', 'district', 'address', 'total_spaces', 'free_spaces', 'lng', 'lat', 'updated_at']);
    // SODA's transport names: a column views call `calendar_date` is a `floating_timestamp` here.
    expect(JSON.parse(answer.headers.get('x-soda2-types') ?? '[]')).toEqual(['text', 'text', 'text', 'text', 'number', 'number', 'number', 'number', 'floating_timestamp']);
    expect(row?.['updated_at']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);

    const small = socrataSandbox({ sizes: { 'nb-food-licenses': 10 } });
    const [first] = (await soda(small, rows('nb-food-licenses', { $limit: '1', $order: ':id' }))).body as Rows;
    small.mutate({ dataset: 'nb-food-licenses', update: [{ license_no: first?.['license_no'] as string, legal_rep: null }] });
    const updated = (await soda(small, rows('nb-food-licenses', { $limit: '1', $order: ':id' }))).body as Rows;
    expect(first).toHaveProperty('legal_rep');
    expect(updated[0]).not.toHaveProperty('legal_rep');
  });

  it('selects system fields with :*,* and pages by keyset on :id', async () => {
    const sandbox = socrataSandbox();
    await warm(sandbox, 'nb-food-licenses');
    const first = (await soda(sandbox, rows('nb-food-licenses', { $select: ':*,*', $order: ':id', $limit: '5' }))).body as Rows;
    expect(Object.keys(first[0] ?? {}).slice(0, 3)).toEqual([':id', ':created_at', ':updated_at']);
    const ids = first.map((row) => row[':id'] as string);
    expect([...ids].sort()).toEqual(ids);
    const next = (await soda(sandbox, rows('nb-food-licenses', { $select: ':id', $where: `:id > '${ids[2]}'`, $order: ':id', $limit: '2' }))).body as Rows;
    expect(next.map((row) => row[':id'])).toEqual(ids.slice(3, 5));
  });

  it('filters with $where (=, <, >, AND), plain equality parameters and $q', async () => {
    const sandbox = socrataSandbox();
    await warm(sandbox, 'hz-parking-lots');
    const big = (await soda(sandbox, rows('hz-parking-lots', { $where: "total_spaces > 1000 AND district = '西湖区'", $limit: '50000' }))).body as Rows;
    expect(big.length).toBeGreaterThan(0);
    for (const row of big) {
      expect(Number(row['total_spaces'])).toBeGreaterThan(1000);
      expect(row['district']).toBe('西湖区');
    }
    const smallLots = (await soda(sandbox, rows('hz-parking-lots', { $where: 'total_spaces < 25', $limit: '50000' }))).body as Rows;
    expect(smallLots.every((row) => Number(row['total_spaces']) < 25)).toBe(true);
    const plain = (await soda(sandbox, rows('hz-parking-lots', { district: '西湖区', $limit: '50000' }))).body as Rows;
    expect(plain.length).toBeGreaterThan(big.length);
    expect(plain.every((row) => row['district'] === '西湖区')).toBe(true);
    const text = (await soda(sandbox, rows('hz-parking-lots', { $q: '西湖区', $limit: '50000' }))).body as Rows;
    expect(text.length).toBeGreaterThanOrEqual(plain.length);
  });

  it('orders with $order, applies $limit and $offset, and counts with count(*)', async () => {
    const sandbox = socrataSandbox();
    await warm(sandbox, 'hz-parking-lots');
    const top = (await soda(sandbox, rows('hz-parking-lots', { $order: 'total_spaces DESC', $limit: '10' }))).body as Rows;
    const sizes = top.map((row) => Number(row['total_spaces']));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const shifted = (await soda(sandbox, rows('hz-parking-lots', { $order: 'total_spaces DESC', $limit: '5', $offset: '5' }))).body as Rows;
    expect(shifted.map((row) => row['lot_id'])).toEqual(top.slice(5).map((row) => row['lot_id']));
    expect((await soda(sandbox, rows('hz-parking-lots'))).body as Rows).toHaveLength(1000);
    expect((await soda(sandbox, rows('hz-parking-lots', { $select: 'count(*)' }))).body).toEqual([{ count: '3128' }]);
  });

  it("answers bad SoQL with Socrata's error envelope", async () => {
    const sandbox = socrataSandbox();
    await warm(sandbox, 'hz-parking-lots');
    const unknown = await soda(sandbox, rows('hz-parking-lots', { $where: "nope = 'x'" }));
    expect(unknown).toMatchObject({ status: 400, body: { code: 'query.soql.no-such-column', error: true, message: 'No such column: nope' } });
    const malformed = await soda(sandbox, rows('hz-parking-lots', { $where: "district = '西湖区" }));
    expect(malformed).toMatchObject({ status: 400, body: { code: 'query.compiler.malformed', error: true } });
    const mismatch = await soda(sandbox, rows('hz-parking-lots', { $where: "total_spaces > 'many'" }));
    expect(mismatch).toMatchObject({ status: 400, body: { code: 'query.soql.type-mismatch', error: true } });
    const badLimit = await soda(sandbox, rows('hz-parking-lots', { $limit: '-1' }));
    expect(badLimit).toMatchObject({ status: 400, body: { error: true } });
    const plainUnknown = await soda(sandbox, rows('hz-parking-lots', { colour: 'red' }));
    expect(plainUnknown).toMatchObject({ status: 400, body: { code: 'query.soql.no-such-column' } });
    expect((await soda(sandbox, rows('no-such-dataset'))).status).toBe(404);
  });

  it('revalidates with ETag and Last-Modified, and changes the ETag after a mutation', async () => {
    const sandbox = socrataSandbox({ sizes: { 'nb-food-licenses': 50 } });
    const path = rows('nb-food-licenses', { $limit: '10' });
    const first = await soda(sandbox, path);
    const etag = first.headers.get('etag') as string;
    const lastModified = first.headers.get('last-modified') as string;
    expect(etag).toMatch(/^".+"$/);
    expect((await soda(sandbox, path, sandbox.credentials.apiToken, { 'if-none-match': etag })).status).toBe(304);
    expect((await soda(sandbox, path, sandbox.credentials.apiToken, { 'if-modified-since': lastModified })).status).toBe(304);
    sandbox.mutate({ dataset: 'nb-food-licenses', update: 3, add: 1 });
    const after = await soda(sandbox, path, sandbox.credentials.apiToken, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('serves a dataset under its 4x4 alias and closes private datasets without the token', async () => {
    const sandbox = socrataSandbox();
    const alias = fourByFour(sandbox.seed, 'nb-food-licenses');
    expect(alias).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);
    await warm(sandbox, 'nb-food-licenses');
    const bySlug = (await soda(sandbox, rows('nb-food-licenses', { $limit: '3' }))).body;
    expect((await soda(sandbox, rows(alias, { $limit: '3' }))).body).toEqual(bySlug);
    expect(await soda(sandbox, rows('zj-medical-practitioners', { $limit: '1' }), null)).toMatchObject({ status: 403, body: { code: 'permission_denied', error: true } });
    expect((await soda(sandbox, rows('zj-medical-practitioners', { $limit: '1' }), 'wrong-token')).status).toBe(403);
    await warm(sandbox, 'zj-medical-practitioners');
    const [practitioner] = (await soda(sandbox, rows('zj-medical-practitioners', { $limit: '1' }))).body as Rows;
    expect(practitioner?.['name']).toMatch(/\*/);
  });
});
