import { describe, expect, it } from 'vitest';
import { createClient, portals, type AggregateOptions } from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';

const OPTIONS: AggregateOptions = {
  groupBy: 'district',
  metrics: { n: 'count', free: ['sum', 'free_spaces'], mean: ['avg', 'total_spaces'], least: ['min', 'free_spaces'], most: ['max', 'total_spaces'] },
};

function client(flavor: 'ckan' | 'opendatasoft', sqlEnabled: boolean) {
  const sandbox = createSandbox({ flavor, seed: 4, sqlEnabled });
  const urls: string[] = [];
  const client = createClient({
    portal: flavor === 'ckan' ? portals.ckan({ baseUrl: sandbox.url }) : portals.opendatasoft({ baseUrl: sandbox.url }),
    fetch: (request) => {
      urls.push(request.url);
      return sandbox.fetch(request);
    },
    retry: false,
  });
  return { client, urls };
}

/** Averages agree to the last few bits only: the portal and the client add in different orders. */
function rounded(rows: readonly Record<string, unknown>[]) {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value])));
}

describe('aggregates computed by the portal', () => {
  it('match the client on opendatasoft, where only the groups travel through group_by', async () => {
    const { client: ods, urls } = client('opendatasoft', false);
    const portal = await ods.datasets.aggregate('hz-parking-lots', OPTIONS);
    expect(portal.computedBy).toBe('portal');
    expect(urls.filter((url) => new URL(url).searchParams.get('group_by') === 'district')).toHaveLength(1);
    const local = await ods.datasets.aggregate('hz-parking-lots', { ...OPTIONS, pushdown: false });
    expect(local.computedBy).toBe('client');
    expect(portal.rows.length).toBeGreaterThan(1);
    expect(rounded(portal.rows)).toEqual(rounded(local.rows));
  });

  it('match the client on ckan through datastore_search_sql GROUP BY when SQL is enabled', async () => {
    const { client: ckan, urls } = client('ckan', true);
    const where = { district: ['西湖区', '上城区'] };
    const portal = await ckan.datasets.aggregate('hz-parking-lots', { ...OPTIONS, where });
    expect(portal.computedBy).toBe('portal');
    expect(urls.some((url) => new URL(url).searchParams.get('sql')?.includes('GROUP BY "district"'))).toBe(true);
    const local = await ckan.datasets.aggregate('hz-parking-lots', { ...OPTIONS, where, pushdown: false });
    expect(portal.rows.map((row) => row['district'])).toEqual(['上城区', '西湖区']);
    expect(rounded(portal.rows)).toEqual(rounded(local.rows));
  });

  it('falls back to the client on ckan when the site has SQL switched off', async () => {
    const { client: ckan } = client('ckan', false);
    const result = await ckan.datasets.aggregate('hz-parking-lots', { metrics: { n: 'count' } });
    expect(result.computedBy).toBe('client');
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]?.['n']).toBeGreaterThan(0);
  });

  it('counts the whole dataset in one group on opendatasoft when no groupBy is given', async () => {
    const { client: ods } = client('opendatasoft', false);
    const portal = await ods.datasets.aggregate('nb-food-licenses', { where: { status: '有效' }, metrics: { n: 'count' } });
    const local = await ods.datasets.aggregate('nb-food-licenses', { where: { status: '有效' }, metrics: { n: 'count' }, pushdown: false });
    expect(portal.computedBy).toBe('portal');
    expect(portal.rows).toEqual(local.rows);
  });
});
