import { describe, expect, it } from 'vitest';
import { createClient, portals } from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';

/** A filter value that would end an unescaped literal and widen the filter to every row. */
const HOSTILE = `西湖区' OR '1'='1" or "1"="1`;

function client(flavor: 'ckan' | 'socrata' | 'opendatasoft') {
  const sandbox = createSandbox({ flavor, seed: 4, sqlEnabled: true });
  const urls: URL[] = [];
  const portal =
    flavor === 'ckan' ? portals.ckan({ baseUrl: sandbox.url }) : flavor === 'socrata' ? portals.socrata({ baseUrl: sandbox.url, pollInterval: 1 }) : portals.opendatasoft({ baseUrl: sandbox.url });
  const client = createClient({
    portal,
    fetch: (request) => {
      urls.push(new URL(request.url));
      return sandbox.fetch(request);
    },
    // SODA answers 202 while it prepares a dataset: a short retry waits it out.
    retry: { retries: 2, minDelay: 1, maxDelay: 5 },
  });
  return { client, urls };
}

describe('aggregate filters written in each portal dialect', () => {
  it('escape a quote in a ckan filter value as PostgreSQL does, so the filter matches nothing', async () => {
    const { client: ckan, urls } = client('ckan');
    const result = await ckan.datasets.aggregate('hz-parking-lots', { where: { district: HOSTILE }, groupBy: 'district', metrics: { n: 'count' } });
    expect(result).toEqual({ rows: [], computedBy: 'portal' });
    const sql = urls.map((url) => url.searchParams.get('sql')).find((text) => text?.includes('GROUP BY'));
    expect(sql).toContain(`WHERE "district" = '西湖区'' OR ''1''=''1" or "1"="1'`);
  });

  it('escape a quote in a socrata filter value as SoQL does, so the filter matches nothing', async () => {
    const { client: socrata, urls } = client('socrata');
    const result = await socrata.datasets.aggregate('hz-parking-lots', { where: { district: HOSTILE }, groupBy: 'district', metrics: { n: 'count' } });
    expect(result).toEqual({ rows: [], computedBy: 'portal' });
    const where = urls.map((url) => url.searchParams.get('$where')).find((text) => text !== null);
    expect(where).toBe(`district = '西湖区'' OR ''1''=''1" or "1"="1'`);
  });

  it('escape a quote in an opendatasoft filter value as ODSQL does, so the filter matches nothing', async () => {
    const { client: ods, urls } = client('opendatasoft');
    const result = await ods.datasets.aggregate('hz-parking-lots', { where: { district: HOSTILE }, groupBy: 'district', metrics: { n: 'count' } });
    expect(result).toEqual({ rows: [], computedBy: 'portal' });
    const where = urls.map((url) => url.searchParams.get('where')).find((text) => text !== null);
    expect(where).toBe(`district = "西湖区' OR '1'='1\\" or \\"1\\"=\\"1"`);
  });
});
