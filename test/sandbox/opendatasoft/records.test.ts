import { describe, expect, it } from 'vitest';
import { mask } from '../../../src/ids/index.js';
import { createSandbox } from '../../../src/sandbox/index.js';
import { apiKey, get, NOW } from './ods-call.js';

const FOOD = 'nb-food-licenses';
const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 5, clock: () => NOW, extraDatasets: 2, sizes: { [FOOD]: 2_000 } });
const records = `/catalog/datasets/${FOOD}/records`;

describe('records of the opendatasoft flavor', () => {
  it('returns 10 typed records and the total by default', async () => {
    const { status, body } = await get(sandbox, records);
    expect(status).toBe(200);
    expect(body.total_count).toBe(2_000);
    expect(body.results).toHaveLength(10);
    const food = sandbox.datasets.find((dataset) => dataset.id === FOOD)!;
    expect(Object.keys(body.results[0])).toEqual(food.columns.map((column) => column.name));
    expect(body.results[0].updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
  });

  it('serves numbers as JSON numbers', async () => {
    const { body } = await get(sandbox, '/catalog/datasets/hz-parking-lots/records', { limit: 5 });
    for (const row of body.results) {
      expect(typeof row.total_spaces).toBe('number');
      expect(typeof row.lng).toBe('number');
    }
  });

  it('pages with limit and offset in the dataset order', async () => {
    const first = await get(sandbox, records, { limit: 100, offset: 0 });
    const second = await get(sandbox, records, { limit: 50, offset: 50 });
    expect(second.body.results).toEqual(first.body.results.slice(50));
  });

  it('refuses a limit over 100 with InvalidRESTParameterError', async () => {
    const { status, body } = await get(sandbox, records, { limit: 101 });
    expect(status).toBe(400);
    expect(body.error_code).toBe('InvalidRESTParameterError');
    expect(body.message).toContain('limit');
  });

  it('refuses offset + limit past 10,000 with InvalidRESTParameterError', async () => {
    expect((await get(sandbox, records, { limit: 100, offset: 9_900 })).status).toBe(200);
    const { status, body } = await get(sandbox, records, { limit: 100, offset: 9_901 });
    expect(status).toBe(400);
    expect(body).toEqual({
      error_code: 'InvalidRESTParameterError',
      message: 'Invalid value for sum of offset + limit API parameter: 10001 was found but <= 10000 is expected.',
    });
  });

  it('refuses a limit that is not a number', async () => {
    const { status, body } = await get(sandbox, records, { limit: 'ten' });
    expect(status).toBe(400);
    expect(body.error_code).toBe('InvalidRESTParameterError');
  });

  it('selects fields in the order asked', async () => {
    const { body } = await get(sandbox, records, { select: 'status, license_no', limit: 3 });
    for (const row of body.results) expect(Object.keys(row)).toEqual(['status', 'license_no']);
  });

  it('filters with =, and, and counts the matches', async () => {
    const { body } = await get(sandbox, records, { where: 'status = "有效" and business_type = "餐饮服务经营者"', limit: 100 });
    expect(body.total_count).toBeGreaterThan(0);
    expect(body.total_count).toBeLessThan(2_000);
    for (const row of body.results) {
      expect(row.status).toBe('有效');
      expect(row.business_type).toBe('餐饮服务经营者');
    }
  });

  it('filters with < and > on dates and numbers', async () => {
    const dates = await get(sandbox, records, { where: "valid_until < date'2026-11-26'", limit: 100 });
    for (const row of dates.body.results) expect(row.valid_until < '2026-11-26').toBe(true);
    const numbers = await get(sandbox, '/catalog/datasets/hz-parking-lots/records', { where: 'total_spaces > 500', limit: 100 });
    expect(numbers.body.total_count).toBeGreaterThan(0);
    for (const row of numbers.body.results) expect(row.total_spaces).toBeGreaterThan(500);
  });

  it('searches full text with search() and with a bare quoted text', async () => {
    const one = await get(sandbox, records, { where: 'search("饺子")', limit: 100 });
    const two = await get(sandbox, records, { where: '"饺子"', limit: 100 });
    expect(one.body.total_count).toBeGreaterThan(0);
    expect(two.body).toEqual(one.body);
    for (const row of one.body.results) expect(JSON.stringify(row)).toContain('饺子');
  });

  it('reads an escaped quote inside a string literal', async () => {
    const { status, body } = await get(sandbox, records, { where: 'holder_name = "a\\"b"' });
    expect(status).toBe(200);
    expect(body.total_count).toBe(0);
  });

  it('orders by a field, descending', async () => {
    const { body } = await get(sandbox, records, { order_by: 'license_no desc', limit: 20 });
    const keys = body.results.map((row: any) => row.license_no);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('answers ODSQLError for an unknown field or a malformed where', async () => {
    for (const where of ['nope = 1', 'status = ', '(status = "x"', 'status ~ "x"']) {
      const { status, body } = await get(sandbox, records, { where });
      expect(status).toBe(400);
      expect(body.error_code).toBe('ODSQLError');
      expect(typeof body.message).toBe('string');
    }
    const order = await get(sandbox, records, { order_by: 'nope' });
    expect(order.body.error_code).toBe('ODSQLError');
  });

  it('masks personal data in records', async () => {
    const { body } = await get(sandbox, '/catalog/datasets/zj-medical-practitioners/records', { limit: 5 }, apiKey(sandbox));
    for (const row of body.results) expect(row.name).toBe(mask.name(row.name));
    expect(body.results[0].name).toContain('*');
  });

  it('hides a restricted dataset without the key, shows it with the key, and refuses a wrong key', async () => {
    const path = '/catalog/datasets/zj-medical-practitioners/records';
    const anonymous = await get(sandbox, path);
    expect(anonymous.status).toBe(404);
    expect(anonymous.body.error_code).toBe('NotFound');
    expect((await get(sandbox, path, {}, apiKey(sandbox))).status).toBe(200);
    expect((await get(sandbox, path, { apikey: sandbox.credentials.apiToken })).status).toBe(200);
    const wrong = await get(sandbox, path, {}, { authorization: 'Apikey nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error_code).toBe('AuthenticationError');
  });

  it('answers 404 for an unknown dataset and an unknown path, and 405 for a write', async () => {
    expect((await get(sandbox, '/catalog/datasets/nope/records')).body.error_code).toBe('NotFound');
    expect((await get(sandbox, '/catalog/nowhere')).status).toBe(404);
    const response = await sandbox.fetch(`${sandbox.url}/api/explore/v2.1${records}`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
  });

  it('shows a mutation in records and in the total', async () => {
    const local = createSandbox({ flavor: 'opendatasoft', seed: 5, clock: () => NOW, extraDatasets: 0, sizes: { [FOOD]: 50 } });
    const result = local.mutate({ dataset: FOOD, add: 2, remove: 1 });
    const { body } = await get(local, `/catalog/datasets/${FOOD}/records`, { limit: 100 });
    expect(body.total_count).toBe(51);
    const keys = body.results.map((row: any) => row.license_no);
    for (const key of result.added) expect(keys).toContain(key);
    expect(keys).not.toContain(result.removed[0]);
  });
});
