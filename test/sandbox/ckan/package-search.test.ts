import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { auth, get, NOW, post } from './ckan-call.js';

const sandbox = createSandbox({ flavor: 'ckan', seed: 7, clock: () => NOW });
const publicDatasets = sandbox.datasets.filter((dataset) => dataset.openClass === 'unconditional');
const privateDatasets = sandbox.datasets.filter((dataset) => dataset.openClass !== 'unconditional');

describe('package_search', () => {
  it('answers in the CKAN envelope with a help link on the request origin', async () => {
    const { status, contentType, body } = await get(sandbox, 'package_search');
    expect(status).toBe(200);
    expect(contentType).toContain('application/json');
    expect(body.success).toBe(true);
    expect(body.help).toBe('http://sandbox.kaifang.test/api/3/action/help_show?name=package_search');
    expect(Object.keys(body.result).sort()).toEqual(['count', 'facets', 'results', 'search_facets', 'sort']);
    expect(body.result.sort).toBe('score desc, metadata_modified desc');
    expect(body.result.facets).toEqual({});
    expect(body.result.search_facets).toEqual({});
  });

  it('returns ten public datasets by default and counts every public one', async () => {
    const { body } = await get(sandbox, 'package_search');
    expect(body.result.count).toBe(publicDatasets.length);
    expect(body.result.results).toHaveLength(Math.min(10, publicDatasets.length));
    expect(body.result.results.every((pkg: any) => pkg.private === false)).toBe(true);
  });

  it('orders by newest modification when every score is equal', async () => {
    const { body } = await get(sandbox, 'package_search', { rows: 1000 });
    const modified = body.result.results.map((pkg: any) => pkg.metadata_modified);
    expect(modified).toEqual([...modified].sort().reverse());
  });

  it('matches plain words against titles and ranks title matches first', async () => {
    const target = publicDatasets[0]!;
    const { body } = await get(sandbox, 'package_search', { q: target.title });
    expect(body.result.results[0].name).toBe(target.id);
    const none = await get(sandbox, 'package_search', { q: 'zzzz-no-such-word' });
    expect(none.body.result.count).toBe(0);
  });

  it('filters by tag, organization, format and name with fq', async () => {
    const all = (await get(sandbox, 'package_search', { rows: 1000 })).body.result.results;
    const sample = all[0];
    const tag = sample.tags[0].name;
    const byTag = (await get(sandbox, 'package_search', { fq: `tags:"${tag}"`, rows: 1000 })).body.result;
    expect(byTag.count).toBeGreaterThan(0);
    expect(byTag.results.every((pkg: any) => pkg.tags.some((t: any) => t.name === tag))).toBe(true);

    const org = sample.organization.name;
    const byOrg = (await get(sandbox, 'package_search', { fq: `organization:${org}`, rows: 1000 })).body.result;
    expect(byOrg.results.map((pkg: any) => pkg.name)).toEqual(all.filter((pkg: any) => pkg.organization.name === org).map((pkg: any) => pkg.name));

    const csv = (await get(sandbox, 'package_search', { fq: 'res_format:CSV', rows: 1000 })).body.result;
    expect(csv.count).toBe(all.length);
    const pdf = (await get(sandbox, 'package_search', { fq: 'res_format:PDF' })).body.result;
    expect(pdf.count).toBe(0);

    const byName = (await get(sandbox, 'package_search', { fq: `name:${sample.name}` })).body.result;
    expect(byName.results.map((pkg: any) => pkg.name)).toEqual([sample.name]);
  });

  it('sorts by id, by name and by modification date on request', async () => {
    for (const [sort, key, descending] of [
      ['id asc', 'id', false],
      ['name asc', 'name', false],
      ['metadata_modified desc', 'metadata_modified', true],
    ] as const) {
      const { body } = await get(sandbox, 'package_search', { sort, rows: 1000 });
      const values = body.result.results.map((pkg: any) => pkg[key]);
      const sorted = [...values].sort();
      expect(values).toEqual(descending ? sorted.reverse() : sorted);
      expect(body.result.sort).toBe(sort);
    }
  });

  it('pages with start and rows without repeating a dataset', async () => {
    const seen: string[] = [];
    for (let start = 0; start < publicDatasets.length; start += 7) {
      const { body } = await get(sandbox, 'package_search', { sort: 'id asc', rows: 7, start });
      seen.push(...body.result.results.map((pkg: any) => pkg.id));
    }
    expect(seen).toHaveLength(publicDatasets.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers a bad sort with a 400 Search Query Error', async () => {
    for (const sort of ['name sideways', 'no_such_field asc', 'name']) {
      const { status, body } = await get(sandbox, 'package_search', { sort });
      expect(status).toBe(400);
      expect(body.success).toBe(false);
      expect(body.error).toEqual({ __type: 'Search Query Error', message: `Search Query is invalid: ('Invalid "sort" parameter',)` });
    }
  });

  it('answers an unknown fq field with a 409 Search Error', async () => {
    const { status, body } = await get(sandbox, 'package_search', { fq: 'colour:red' });
    expect(status).toBe(409);
    expect(body.error.__type).toBe('Search Error');
    expect(body.error.message).toContain('undefined field colour');
  });

  it('answers non-integer or negative rows and start with a 409 Validation Error', async () => {
    const rows = await get(sandbox, 'package_search', { rows: 'ten' });
    expect(rows.status).toBe(409);
    expect(rows.body.error).toEqual({ __type: 'Validation Error', rows: ['Invalid integer'] });
    const start = await get(sandbox, 'package_search', { start: '-1' });
    expect(start.status).toBe(409);
    expect(start.body.error).toEqual({ __type: 'Validation Error', start: ['Must be a natural number'] });
  });

  it('hides private datasets unless include_private comes with the token', async () => {
    expect(privateDatasets.length).toBeGreaterThan(0);
    const anonymous = (await get(sandbox, 'package_search', { include_private: 'true', rows: 1000 })).body.result;
    expect(anonymous.count).toBe(publicDatasets.length);
    const withoutFlag = (await get(sandbox, 'package_search', { rows: 1000 }, auth(sandbox))).body.result;
    expect(withoutFlag.count).toBe(publicDatasets.length);
    const authorised = (await get(sandbox, 'package_search', { include_private: 'true', rows: 1000 }, auth(sandbox))).body.result;
    expect(authorised.count).toBe(sandbox.datasets.length);
    const names = authorised.results.filter((pkg: any) => pkg.private).map((pkg: any) => pkg.name).sort();
    expect(names).toEqual(privateDatasets.map((dataset) => dataset.id).sort());
  });

  it('counts facets when facet.field asks for them', async () => {
    const { body } = await get(sandbox, 'package_search', { 'facet.field': '["res_format","organization"]', rows: 0 });
    expect(body.result.results).toEqual([]);
    expect(body.result.facets.res_format).toEqual({ CSV: publicDatasets.length });
    const orgTotal = Object.values(body.result.facets.organization as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(orgTotal).toBe(publicDatasets.length);
    expect(body.result.search_facets.res_format.items).toEqual([{ name: 'CSV', display_name: 'CSV', count: publicDatasets.length }]);
  });

  it('accepts the same parameters in a POSTed JSON body', async () => {
    const viaGet = await get(sandbox, 'package_search', { sort: 'name asc', rows: 3 });
    const viaPost = await post(sandbox, 'package_search', { sort: 'name asc', rows: 3 });
    expect(viaPost.body).toEqual(viaGet.body);
  });
});

describe('package_search limits and windows', () => {
  it('silently caps rows at 1000', async () => {
    const big = createSandbox({ flavor: 'ckan', seed: 3, extraDatasets: 1200, clock: () => NOW });
    const { status, body } = await get(big, 'package_search', { rows: 5000 });
    expect(status).toBe(200);
    expect(body.result.count).toBeGreaterThan(1000);
    expect(body.result.results).toHaveLength(1000);
    const rest = await get(big, 'package_search', { rows: 5000, start: 1000, sort: 'id asc' });
    expect(rest.body.result.results).toHaveLength(body.result.count - 1000);
  });

  it('selects datasets by a metadata_modified window, open at either end', async () => {
    let now = NOW;
    const windowed = createSandbox({ flavor: 'ckan', seed: 5, clock: () => now });
    const latest = Math.max(...windowed.datasets.map((dataset) => dataset.updatedAt.getTime()));
    const cut = new Date(latest + 86_400_000);
    now = new Date(latest + 2 * 86_400_000);
    const target = windowed.datasets.find((dataset) => dataset.openClass === 'unconditional')!;
    windowed.mutate({ dataset: target.id, update: 1 });
    const solrCut = `${cut.toISOString().slice(0, 19)}Z`;

    const since = await get(windowed, 'package_search', { fq: `metadata_modified:[${solrCut} TO *]` });
    expect(since.body.result.results.map((pkg: any) => pkg.name)).toEqual([target.id]);
    expect(since.body.result.results[0].metadata_modified).toBe(`${now.toISOString().slice(0, 23)}000`);

    const before = await get(windowed, 'package_search', { fq: `metadata_modified:[* TO ${solrCut}]`, rows: 1000 });
    const all = await get(windowed, 'package_search', { rows: 1000 });
    expect(before.body.result.count).toBe(all.body.result.count - 1);
    expect(before.body.result.results.some((pkg: any) => pkg.name === target.id)).toBe(false);

    const relative = await get(windowed, 'package_search', { fq: 'metadata_modified:[NOW-1HOUR TO NOW]' });
    expect(relative.body.result.results.map((pkg: any) => pkg.name)).toEqual([target.id]);
  });

  it('answers a malformed date in a window with a 409 Search Error', async () => {
    const { status, body } = await get(sandbox, 'package_search', { fq: 'metadata_modified:[yesterday TO *]' });
    expect(status).toBe(409);
    expect(body.error.__type).toBe('Search Error');
    expect(body.error.message).toContain('Invalid Date String');
  });
});
