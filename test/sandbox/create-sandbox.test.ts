import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';

const secret = 'kaifang-sandbox-secret';
const clock = () => new Date('2026-11-26T08:00:00Z');

async function zhejiangPage(sandbox: ReturnType<typeof createSandbox>, id: string, pageNum: number, pageSize = 200) {
  const response = await sandbox.fetch(`${sandbox.url}/jdop_front/interfaces/cata_${id}/get_data.do?appsecret=${secret}&pageNum=${pageNum}&pageSize=${pageSize}`);
  return (await response.json()) as { status: number; data: Record<string, string>[] };
}

async function ckanRows(sandbox: ReturnType<typeof createSandbox>, id: string, params: string) {
  const response = await sandbox.fetch(`${sandbox.url}/api/3/action/datastore_search?resource_id=${id}&${params}`);
  return (await response.json()) as { result: { total: number; records: Record<string, unknown>[] } };
}

describe('createSandbox', () => {
  it('describes its datasets with their real-scale row counts on request', () => {
    const small = createSandbox();
    const full = createSandbox({ scale: 'full', extraDatasets: 0 });
    const counts = Object.fromEntries(full.datasets.map((dataset) => [dataset.id, dataset.count]));
    expect(counts).toEqual({
      'nb-business-licenses': 1_020_000,
      'nb-food-licenses': 100_000,
      'zj-medical-practitioners': 300_000,
      'nb-enterprise-tax': 360_000,
      'hz-parking-lots': 3_128,
    });
    const parking = small.datasets.find((dataset) => dataset.id === 'hz-parking-lots');
    expect(parking?.count).toBe(3_128);
    expect(small.datasets.find((dataset) => dataset.id === 'nb-business-licenses')?.count).toBeLessThan(10_000);
    // Four core datasets, 36 long-tail ones and the forbidden nb-enterprise-tax.
    expect(small.datasets.length).toBe(4 + 36 + 1);
    expect(small.datasets.find((dataset) => dataset.id === 'nb-enterprise-tax')?.openClass).toBe('forbidden');
    expect(small.datasets.find((dataset) => dataset.id === 'zj-medical-practitioners')?.openClass).toBe('restricted');
  });

  it('reads one late page of the full-scale business dataset without generating the rows before it', async () => {
    const sandbox = createSandbox({ scale: 'full', clock });
    const page = await zhejiangPage(sandbox, 'nb-business-licenses', 5_000);
    expect(page.data).toHaveLength(200);
    expect(sandbox.stats.rowsGenerated).toBe(200);
  });

  it('serves the same bytes for the same seed on both flavors, and other rows for another seed', async () => {
    for (const flavor of ['zhejiang', 'ckan'] as const) {
      const path = flavor === 'zhejiang'
        ? `/jdop_front/interfaces/cata_nb-business-licenses/get_data.do?appsecret=${secret}&pageNum=2&pageSize=50`
        : '/api/3/action/datastore_search?resource_id=nb-business-licenses&limit=50&offset=50';
      const read = async (seed: number) => (await createSandbox({ flavor, seed, clock }).fetch(`http://x${path}`)).text();
      expect(await read(5)).toBe(await read(5));
      expect(await read(5)).not.toBe(await read(6));
    }
  });

  it('shows one mutation through every flavor with the same seed: counts, keys and update dates', async () => {
    const options = { seed: 9, clock, sizes: { 'nb-food-licenses': 500 } } as const;
    const zhejiang = createSandbox({ ...options, flavor: 'zhejiang' });
    const ckan = createSandbox({ ...options, flavor: 'ckan' });
    const results = [zhejiang, ckan].map((sandbox) => sandbox.mutate({ dataset: 'nb-food-licenses', add: 3, update: 2, remove: 4 }));
    expect(results[0]).toEqual(results[1]);
    const result = results[0]!;
    expect(result.added).toHaveLength(3);
    expect(result.updated).toHaveLength(2);
    expect(result.removed).toHaveLength(4);

    const zhejiangKeys = new Set<string>();
    for (let page = 1; page <= 3; page++) for (const row of (await zhejiangPage(zhejiang, 'nb-food-licenses', page)).data) zhejiangKeys.add(row['XKZBH']!);
    const ckanBody = await ckanRows(ckan, 'nb-food-licenses', 'limit=1000');
    const ckanKeys = new Set(ckanBody.result.records.map((row) => String(row['license_no'])));
    expect(zhejiangKeys.size).toBe(499);
    expect(ckanBody.result.total).toBe(499);
    expect([...ckanKeys].sort()).toEqual([...zhejiangKeys].sort());
    for (const key of result.added) expect(zhejiangKeys.has(String(key))).toBe(true);
    for (const key of result.removed) expect(ckanKeys.has(String(key))).toBe(false);

    const total = await (await zhejiang.fetch(`${zhejiang.url}/jdop_front/interfaces/cata_nb-food-licenses/get_dataupdate_date.do?appsecret=${secret}`)).json();
    expect(total.data).toBe('2026-11-26 16:00:00');
    const pkg = await (await ckan.fetch(`${ckan.url}/api/3/action/package_show?id=nb-food-licenses`)).json();
    expect(pkg.result.metadata_modified).toMatch(/^2026-11-26T08:00:00/);
  });

  it('updates the rows it says it updated, keeping their keys, and stamps them with the mutation time', async () => {
    const sandbox = createSandbox({ flavor: 'ckan', seed: 2, clock, sizes: { 'nb-business-licenses': 300 } });
    const before = (await ckanRows(sandbox, 'nb-business-licenses', 'limit=300')).result.records;
    const { updated } = sandbox.mutate({ dataset: 'nb-business-licenses', update: [{ credit_code: String(before[10]!['credit_code']), status: '吊销' }] });
    const after = (await ckanRows(sandbox, 'nb-business-licenses', 'limit=300')).result.records;
    const row = after.find((record) => record['credit_code'] === updated[0]);
    expect(row?.['status']).toBe('吊销');
    expect(row?.['updated_at']).toMatch(/^2026-11-26T08:00:00/);
    expect(after.filter((record) => record['credit_code'] !== updated[0])).toEqual(before.filter((record) => record['credit_code'] !== updated[0]));
  });

  it('bumps the update date strictly, even with a frozen clock', () => {
    const sandbox = createSandbox({ clock });
    const first = sandbox.mutate({ dataset: 'hz-parking-lots', update: 1 });
    const second = sandbox.mutate({ dataset: 'hz-parking-lots', update: 1 });
    expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
  });

  it('refuses bad options and unknown datasets with clear errors', () => {
    expect(() => createSandbox({ flavor: 'arcgis' as never })).toThrow(/Unknown sandbox flavor "arcgis"/);
    expect(() => createSandbox({ scale: 'huge' as never })).toThrow(/scale must be 'small' or 'full'/);
    expect(() => createSandbox({ seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => createSandbox({ sizes: { 'no-such-dataset': 5 } })).toThrow(/unknown dataset "no-such-dataset"/);
    expect(() => createSandbox({ sizes: { 'nb-food-licenses': -1 } })).toThrow(/whole number/);
    const sandbox = createSandbox();
    expect(() => sandbox.mutate({ dataset: 'nope', add: 1 })).toThrow(/Unknown sandbox dataset "nope"/);
    expect(() => sandbox.mutate({ dataset: 'nb-food-licenses', remove: ['JY00000000000000'] })).toThrow(/no row with license_no=JY00000000000000/);
  });

  it('keeps two sandboxes apart', async () => {
    const one = createSandbox({ clock });
    const two = createSandbox({ clock });
    one.mutate({ dataset: 'nb-food-licenses', remove: 10 });
    expect(one.datasets.find((dataset) => dataset.id === 'nb-food-licenses')!.count).toBe(two.datasets.find((dataset) => dataset.id === 'nb-food-licenses')!.count - 10);
  });
});

describe('live data', () => {
  it('moves the parking dataset\'s update date with the clock, to the minute, and no other', async () => {
    let now = new Date('2026-11-26T08:00:30Z');
    const sandbox = createSandbox({ clock: () => now });
    const updated = (id: string) => sandbox.datasets.find((dataset) => dataset.id === id)!.updatedAt.toISOString();
    expect(updated('hz-parking-lots')).toBe('2026-11-26T08:00:00.000Z');
    const licenses = updated('nb-food-licenses');
    now = new Date('2026-11-26T08:03:10Z');
    expect(updated('hz-parking-lots')).toBe('2026-11-26T08:03:00.000Z');
    expect(updated('nb-food-licenses')).toBe(licenses);
    const answer = await (await sandbox.fetch(`${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_dataupdate_date.do?appsecret=${secret}`)).json();
    expect(answer.data).toBe('2026-11-26 16:03:00');
  });

  it('never hands out a key twice, however many rows are added', () => {
    const sandbox = createSandbox({ clock, sizes: { 'nb-food-licenses': 50 } });
    const keys = new Set<string | number>();
    for (let round = 0; round < 30; round++) for (const key of sandbox.mutate({ dataset: 'nb-food-licenses', add: 5 }).added) keys.add(key);
    expect(keys.size).toBe(150);
  });
});

describe('rendered pages', () => {
  it('serves a page read again without generating its rows again, until a mutation', async () => {
    const sandbox = createSandbox({ clock, sizes: { 'nb-food-licenses': 1000 } });
    const first = await zhejiangPage(sandbox, 'nb-food-licenses', 2);
    expect(sandbox.stats.rowsGenerated).toBe(200);
    expect(await zhejiangPage(sandbox, 'nb-food-licenses', 2)).toEqual(first);
    expect(sandbox.stats.rowsGenerated).toBe(200);
    const { removed } = sandbox.mutate({ dataset: 'nb-food-licenses', remove: 1 });
    const after = await zhejiangPage(sandbox, 'nb-food-licenses', 2);
    expect(sandbox.stats.rowsGenerated).toBeGreaterThan(200);
    expect(after.data.map((row) => row['XKZBH'])).not.toContain(String(removed[0]));
  });

  it('renders live parking pages every time', async () => {
    let now = new Date('2026-11-26T08:00:00Z');
    const sandbox = createSandbox({ clock: () => now });
    const before = await zhejiangPage(sandbox, 'hz-parking-lots', 1);
    now = new Date('2026-11-26T13:00:00Z');
    const later = await zhejiangPage(sandbox, 'hz-parking-lots', 1);
    expect(later.data.map((row) => row['KXBW'])).not.toEqual(before.data.map((row) => row['KXBW']));
  });
});

describe('rows modified since an instant', () => {
  it('finds exactly the base and mutated rows stamped at or after it, through the ckan SQL action', async () => {
    const sandbox = createSandbox({ flavor: 'ckan', clock, sqlEnabled: true, sizes: { 'nb-food-licenses': 400 } });
    const all = (await ckanRows(sandbox, 'nb-food-licenses', 'limit=1000')).result.records;
    const stamps = all.map((row) => String(row['updated_at'])).sort();
    const since = stamps[stamps.length - 40] as string;
    sandbox.mutate({ dataset: 'nb-food-licenses', update: 3, add: 2 });
    const now = (await ckanRows(sandbox, 'nb-food-licenses', 'limit=1000')).result.records;
    const expected = now.filter((row) => String(row['updated_at']) >= since).map((row) => row['license_no']).sort();
    const sql = `SELECT * FROM "nb-food-licenses" WHERE "updated_at" >= '${since}'`;
    const answer = await (await sandbox.fetch(`${sandbox.url}/api/3/action/datastore_search_sql?sql=${encodeURIComponent(sql)}`)).json();
    expect(answer.result.records.map((row: Record<string, unknown>) => row['license_no']).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(40);
  });
});
