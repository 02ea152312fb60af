import { describe, expect, it } from 'vitest';
import { rows, soda, socrataSandbox } from './socrata-call.js';

const DOMAIN = 'sandbox.kaifang.test';
type Catalog = { results: { resource: { id: string } }[]; resultSetSize: number };

describe('socrata Discovery API and view metadata', () => {
  it('lists datasets of the domain, with q, and refuses a search without domains', async () => {
    const sandbox = socrataSandbox();
    const all = (await soda(sandbox, `/api/catalog/v1?domains=${DOMAIN}&only=datasets`)).body as Catalog;
    expect(all.results.map((hit) => hit.resource.id)).toEqual(expect.arrayContaining(['hz-parking-lots', 'nb-food-licenses', 'nb-business-licenses', 'zj-medical-practitioners']));
    // Six readable datasets and the forbidden one, listed but never served.
    expect(all.resultSetSize).toBe(7);
    const anonymous = (await soda(sandbox, `/api/catalog/v1?domains=${DOMAIN}`, null)).body as Catalog;
    expect(anonymous.results.map((hit) => hit.resource.id)).not.toContain('zj-medical-practitioners');
    const parking = (await soda(sandbox, `/api/catalog/v1?domains=${DOMAIN}&q=${encodeURIComponent('停车')}`)).body as Catalog;
    expect(parking.results.map((hit) => hit.resource.id)).toEqual(['hz-parking-lots']);
    expect(((await soda(sandbox, '/api/catalog/v1?domains=elsewhere.example')).body as Catalog).resultSetSize).toBe(0);
    expect(await soda(sandbox, '/api/catalog/v1?q=x')).toMatchObject({ status: 400, body: { error: true, code: 'invalid_params' } });
  });

  it('caps offset + limit at 10,000 and pages further with scroll_id', async () => {
    const sandbox = socrataSandbox();
    expect(await soda(sandbox, `/api/catalog/v1?domains=${DOMAIN}&offset=9990&limit=20`)).toMatchObject({ status: 400, body: { error: true } });
    const first = (await soda(sandbox, `/api/catalog/v1?domains=${DOMAIN}&limit=2`)).body as Catalog;
    const last = first.results[1]?.resource.id as string;
    const next = (await soda(sandbox, `/api/catalog/v1?domains=${DOMAIN}&limit=10&scroll_id=${last}`)).body as Catalog;
    const ids = [...first.results, ...next.results].map((hit) => hit.resource.id);
    expect(new Set(ids).size).toBe(7);
    expect(next.results.every((hit) => hit.resource.id > last)).toBe(true);
  });

  it('describes a view with rowsUpdatedAt in epoch seconds, columns, license and category', async () => {
    const sandbox = socrataSandbox({ sizes: { 'nb-food-licenses': 20 } });
    const view = (await soda(sandbox, '/api/views/nb-food-licenses.json')).body as Record<string, unknown>;
    const dataset = sandbox.datasets.find((item) => item.id === 'nb-food-licenses');
    expect(view['rowsUpdatedAt']).toBe(Math.floor((dataset?.updatedAt.getTime() ?? 0) / 1000));
    expect(view['columns']).toEqual(expect.arrayContaining([expect.objectContaining({ fieldName: 'license_no', dataTypeName: 'text' }), expect.objectContaining({ fieldName: 'valid_until', dataTypeName: 'calendar_date' })]));
    expect(view).toMatchObject({ category: '市场监管', license: { name: expect.any(String) }, tags: expect.any(Array) });
    const mutation = sandbox.mutate({ dataset: 'nb-food-licenses', add: 1 });
    expect(((await soda(sandbox, '/api/views/nb-food-licenses.json')).body as Record<string, unknown>)['rowsUpdatedAt']).toBe(Math.floor(mutation.updatedAt.getTime() / 1000));
    expect((await soda(sandbox, '/api/views/zj-medical-practitioners.json', null)).status).toBe(403);
  });

  it('throttles anonymous requests past 10 per second of the sandbox clock, never token holders', async () => {
    const sandbox = socrataSandbox({ sizes: { 'nb-food-licenses': 20 } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await soda(sandbox, rows('nb-food-licenses', { $limit: '1' }), null)).status);
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    const throttled = await soda(sandbox, rows('nb-food-licenses', { $limit: '1' }), null);
    expect(throttled).toMatchObject({ status: 429, body: { code: 'too_many_requests', error: true } });
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect((await soda(sandbox, rows('nb-food-licenses', { $limit: '1' }))).status).toBe(200);
  });

  it('answers unknown routes and other methods in the envelope', async () => {
    const sandbox = socrataSandbox();
    expect(await soda(sandbox, '/no/such/page')).toMatchObject({ status: 404, body: { error: true } });
    const post = await sandbox.fetch(`${sandbox.url}/resource/hz-parking-lots.json`, { method: 'POST', body: '[]' });
    expect(post.status).toBe(405);
  });
});
