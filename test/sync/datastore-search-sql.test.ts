import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';

async function sql(sqlEnabled: boolean, query: string | undefined) {
  const sandbox = createSandbox({ flavor: 'ckan', seed: 3, sizes: { 'nb-food-licenses': 50 }, sqlEnabled });
  const url = new URL(`${sandbox.url}/api/3/action/datastore_search_sql`);
  if (query !== undefined) url.searchParams.set('sql', query);
  const response = await sandbox.fetch(url);
  return { sandbox, status: response.status, body: (await response.json()) as { result?: { records: Record<string, unknown>[] }; error?: Record<string, unknown> } };
}

describe('sandbox datastore_search_sql', () => {
  it('is unknown while disabled, as CKAN answers for an unregistered action', async () => {
    const { status, body } = await sql(false, 'SELECT * FROM "nb-food-licenses"');
    expect(status).toBe(400);
    expect(body).toBe('Bad request - Action name not known: datastore_search_sql');
  });

  it('filters, orders by (updated_at, key) and limits when enabled', async () => {
    const { body } = await sql(true, `SELECT * FROM "nb-food-licenses" WHERE "updated_at" >= '2020-01-01T00:00:00' ORDER BY "updated_at", "license_no" LIMIT 10`);
    const records = body.result?.records ?? [];
    expect(records).toHaveLength(10);
    const order = records.map((record) => `${String(record['updated_at'])}|${String(record['license_no'])}`);
    expect([...order].sort()).toEqual(order);
  });

  it('pages by keyset on (modified, key) without skipping or repeating rows', async () => {
    const seen: string[] = [];
    let after: Record<string, unknown> | undefined;
    const sandbox = createSandbox({ flavor: 'ckan', seed: 3, sizes: { 'nb-food-licenses': 50 }, sqlEnabled: true });
    for (;;) {
      const where = after ? ` WHERE ("updated_at" > '${String(after['updated_at'])}' OR ("updated_at" = '${String(after['updated_at'])}' AND "license_no" > '${String(after['license_no'])}'))` : '';
      const url = new URL(`${sandbox.url}/api/3/action/datastore_search_sql`);
      url.searchParams.set('sql', `SELECT "license_no", "updated_at" FROM "nb-food-licenses"${where} ORDER BY "updated_at", "license_no" LIMIT 7`);
      const records = ((await (await sandbox.fetch(url)).json()) as { result: { records: Record<string, unknown>[] } }).result.records;
      if (records.length === 0) break;
      seen.push(...records.map((record) => String(record['license_no'])));
      after = records[records.length - 1];
    }
    expect(seen).toHaveLength(50);
    expect(new Set(seen).size).toBe(50);
  });

  it('answers keyset pages after mutations exactly as a scan of every row would', async () => {
    const sandbox = createSandbox({ flavor: 'ckan', seed: 3, sizes: { 'nb-food-licenses': 400 }, sqlEnabled: true });
    for (let round = 0; round < 3; round++) sandbox.mutate({ dataset: 'nb-food-licenses', update: 20, add: 5, remove: 5 });
    const rows = async (where: string) => {
      const url = new URL(`${sandbox.url}/api/3/action/datastore_search_sql`);
      url.searchParams.set('sql', `SELECT * FROM "nb-food-licenses" WHERE ${where} ORDER BY "updated_at", "license_no" LIMIT 9`);
      return ((await (await sandbox.fetch(url)).json()) as { result: { records: Record<string, unknown>[] } }).result.records;
    };
    const all = await rows(`"updated_at" >= '2000-01-01T00:00:00' OR "_id" < 0`);
    const since = String(all[all.length - 1]?.['updated_at'] ?? '2000-01-01T00:00:00');
    let after: Record<string, unknown> | undefined;
    let pages = 0;
    for (;;) {
      const keyset = after ? ` AND ("updated_at" > '${String(after['updated_at'])}' OR ("updated_at" = '${String(after['updated_at'])}' AND "license_no" > '${String(after['license_no'])}'))` : '';
      const where = `"updated_at" >= '${since}'${keyset}`;
      // An OR with a condition that bounds nothing makes the sandbox scan every row.
      const [indexed, scanned] = [await rows(where), await rows(`(${where}) OR "_id" < 0`)];
      expect(indexed).toEqual(scanned);
      if (indexed.length === 0) break;
      pages++;
      after = indexed[indexed.length - 1];
    }
    expect(pages).toBeGreaterThan(2);
  });

  it.each([
    ['SELEC * FROM x', 'syntax error at or near "SELEC"'],
    [`SELECT * FROM "nb-food-licenses" WHERE "updated_at" >= '2020`, 'syntax error at end of input'],
    ['SELECT * FROM "no-such-table"', 'relation "no-such-table" does not exist'],
    ['SELECT "nope" FROM "nb-food-licenses"', 'column "nope" does not exist'],
    ['DELETE FROM "nb-food-licenses"', 'syntax error at or near "DELETE"'],
  ])('answers %s with a 409 Validation Error', async (query, message) => {
    const { status, body } = await sql(true, query);
    expect(status).toBe(409);
    expect(body.error).toEqual({ __type: 'Validation Error', query: [message] });
  });

  it('answers a missing sql parameter with a Validation Error on sql', async () => {
    const { status, body } = await sql(true, undefined);
    expect(status).toBe(409);
    expect(body.error).toEqual({ __type: 'Validation Error', sql: ['Missing value'] });
  });
});
