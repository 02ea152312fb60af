import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPortal } from '../../src/adapter/index.js';
import { fakeUdataFetch } from '../../examples/udata/fake-udata.js';
import { udata } from '../../examples/udata/udata-portal.js';

const portal = () => udata({ baseUrl: 'https://www.data.gouv.fr', tabularUrl: 'https://tabular-api.data.gouv.fr' });
const DATASET = 'stationnement-velo-paris';

/** The fake udata site with one answer changed. */
const alter = (change: (url: URL, answer: () => Promise<Response>) => Promise<Response>) => (input: Request) =>
  change(new URL(input.url), () => fakeUdataFetch(input));

const failed = async (fetch: (input: Request) => Promise<Response>) => {
  const report = await checkPortal(portal(), { fetch, dataset: DATASET });
  return report.checks.filter((check) => !check.ok).map((check) => check.name);
};

describe('checkPortal', () => {
  it('passes every check of the example udata adapter', async () => {
    const report = await checkPortal(portal(), { fetch: fakeUdataFetch, dataset: DATASET });
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks).toHaveLength(7);
  });

  it('fails the paging check when a portal ignores the page number', async () => {
    const fetch = alter((url, answer) => {
      if (url.pathname.endsWith('/data/')) url.searchParams.set('page', '1');
      return url.pathname.endsWith('/data/') ? fakeUdataFetch(new Request(url)) : answer();
    });
    // Every page repeats the first, so the read in pages of 2 never moves past its first rows.
    expect(await failed(fetch)).toContain('records read in pages of 2 are the same rows in the same order');
  });

  it('fails the not-found check when a wrong id is answered with another dataset', async () => {
    const fetch = alter((url, answer) =>
      url.pathname.includes('kaifang-check-no-such-dataset') ? fakeUdataFetch(new Request('https://www.data.gouv.fr/api/1/datasets/jardins-partages/')) : answer(),
    );
    expect(await failed(fetch)).toEqual(['a dataset that does not exist is a NotFoundError']);
  });

  it('fails the catalogue check when an entry drifts from the unified model', async () => {
    const fetch = alter(async (url, answer) => {
      const response = await answer();
      if (url.pathname !== '/api/1/datasets/') return response;
      const body = (await response.json()) as { data: Record<string, unknown>[] };
      body.data[0] = { ...body.data[0], id: 42 };
      return Response.json(body);
    });
    expect(await failed(fetch)).toContain('catalog.search answers datasets of the unified model');
  });
});

describe('the example adapter', () => {
  it('imports nothing from kaifang but its public entry points', () => {
    const folder = new URL('../../examples/udata/', import.meta.url);
    for (const name of readdirSync(folder)) {
      const source = readFileSync(new URL(name, folder), 'utf8');
      const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      for (const specifier of specifiers) {
        expect([`../../src/adapter/index.js`, `../../src/index.js`, 'zod'].includes(specifier as string) || specifier?.startsWith('./'), `${name} imports ${specifier}`).toBe(true);
      }
    }
  });
});
