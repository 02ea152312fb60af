import { describe, expect, it } from 'vitest';
import { mask } from '../../../src/ids/index.js';
import { datasetDefinitions } from '../../../src/sandbox/data/index.js';
import { createSandbox } from '../../../src/sandbox/index.js';
import { appSecret, getJson, movableClock, openDataUrl, query, shanghai } from './zhejiang-requests.js';

const definitions = new Map(datasetDefinitions({ extra: 0 }).map((definition) => [definition.id, definition]));
const parking = definitions.get('hz-parking-lots')!;
const practitioners = definitions.get('zj-medical-practitioners')!;

describe('zhejiang open-data interfaces (section A)', () => {
  it('serves a first page of 10 rows under the pinyin column names, every value a string', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const body = await getJson(sandbox, openDataUrl(sandbox, 'hz-parking-lots', 'get_data'));
    expect(body.status).toBe(1);
    expect(body.msg).toBe('ok');
    expect(body.data).toHaveLength(10);
    const served = parking.columns.filter((column) => column.pinyin !== undefined).map((column) => column.pinyin);
    for (const row of body.data) {
      expect(Object.keys(row)).toEqual(served);
      for (const value of Object.values(row)) expect(typeof value).toBe('string');
    }
    expect(Object.keys(body.data[0])).toContain('KXBW');
    expect(Object.keys(body.data[0])).not.toContain('updated_at');
  });

  it('serves the generated values: numbers as strings, datetimes in Shanghai time', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const body = await getJson(sandbox, openDataUrl(sandbox, 'hz-parking-lots', 'get_data', { pageNum: 1, pageSize: 1 }));
    const row = parking.row(3, 0, clock.clock());
    for (const column of parking.columns) {
      if (column.pinyin === undefined) continue;
      const value = row[column.name];
      const expected = value === null || value === undefined ? '' : column.type === 'datetime' ? shanghai(new Date(String(value))) : String(value);
      expect(body.data[0][column.pinyin]).toBe(expected);
    }
    const datetime = parking.columns.find((column) => column.type === 'datetime' && column.pinyin !== undefined);
    expect(body.data[0][datetime!.pinyin!]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('serves dates as YYYY-MM-DD', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const body = await getJson(sandbox, openDataUrl(sandbox, 'nb-food-licenses', 'get_data', { pageSize: 5 }));
    for (const row of body.data) {
      expect(row.FZRQ).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(row.YXQZ).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
  });

  it('pages by 1-based page number in a stable order', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const first = await getJson(sandbox, openDataUrl(sandbox, 'nb-food-licenses', 'get_data', { pageNum: 1, pageSize: 10 }));
    const second = await getJson(sandbox, openDataUrl(sandbox, 'nb-food-licenses', 'get_data', { pageNum: 2, pageSize: 5 }));
    expect(second.data).toEqual(first.data.slice(5, 10));
    const implicit = await getJson(sandbox, `${sandbox.url}/jdop_front/interfaces/cata_nb-food-licenses/get_data.do?appsecret=${appSecret}&pageNum=&pageSize=`);
    expect(implicit.data).toEqual(first.data);
  });

  it('serves up to 200 rows per page and an empty page past the end', async () => {
    const sandbox = createSandbox({ seed: 3, sizes: { 'nb-food-licenses': 250 } });
    const full = await getJson(sandbox, openDataUrl(sandbox, 'nb-food-licenses', 'get_data', { pageNum: 1, pageSize: 200 }));
    expect(full.data).toHaveLength(200);
    const last = await getJson(sandbox, openDataUrl(sandbox, 'nb-food-licenses', 'get_data', { pageNum: 2, pageSize: 200 }));
    expect(last.data).toHaveLength(50);
    for (const pageNum of [3, 99_999, '99999999999999999999999999999']) {
      const past = await getJson(sandbox, openDataUrl(sandbox, 'nb-food-licenses', 'get_data', { pageNum, pageSize: 200 }));
      expect(past).toEqual({ status: 1, msg: 'ok', data: [] });
    }
  });

  it.each([
    ['201', 'pageSize不能超过200'],
    ['99999999999999999999999999999', 'pageSize不能超过200'],
    ['0', 'pageSize必须为正整数'],
    ['-1', 'pageSize必须为正整数'],
    ['abc', 'pageSize必须为正整数'],
    ['1.5', 'pageSize必须为正整数'],
  ])('answers pageSize=%s with status 0 "%s"', async (pageSize, msg) => {
    const sandbox = createSandbox({ seed: 3 });
    const response = await sandbox.fetch(openDataUrl(sandbox, 'hz-parking-lots', 'get_data', { pageSize }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 0, msg, data: null });
  });

  it.each(['0', '-3', 'x', '二'])('answers pageNum=%s with status 0 "pageNum必须为正整数"', async (pageNum) => {
    const sandbox = createSandbox({ seed: 3 });
    expect(await getJson(sandbox, openDataUrl(sandbox, 'hz-parking-lots', 'get_data', { pageNum }))).toEqual({ status: 0, msg: 'pageNum必须为正整数', data: null });
  });

  it('accepts a form-encoded or multipart POST like a GET', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const get = await getJson(sandbox, openDataUrl(sandbox, 'hz-parking-lots', 'get_data', { pageNum: 2, pageSize: 3 }));
    const url = `${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do`;
    const form = await getJson(sandbox, url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: query({ appsecret: appSecret, pageNum: 2, pageSize: 3 }),
    });
    expect(form).toEqual(get);
    const multipart = new FormData();
    multipart.set('appsecret', appSecret);
    multipart.set('pageNum', '2');
    multipart.set('pageSize', '3');
    expect(await getJson(sandbox, url, { method: 'POST', body: multipart })).toEqual(get);
  });

  it('lets the query string win over the form body for the same parameter', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const body = await getJson(sandbox, `${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?pageSize=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: query({ appsecret: appSecret, pageSize: 7 }),
    });
    expect(body.data).toHaveLength(2);
  });

  it('answers a missing, empty or wrong appsecret with status 0 on every interface', async () => {
    const sandbox = createSandbox({ seed: 3 });
    for (const name of ['get_data', 'get_total', 'get_dataupdate_date']) {
      const base = `${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/${name}.do`;
      expect(await getJson(sandbox, base)).toEqual({ status: 0, msg: 'appsecret不能为空', data: null });
      expect(await getJson(sandbox, `${base}?appsecret=`)).toEqual({ status: 0, msg: 'appsecret不能为空', data: null });
      expect(await getJson(sandbox, `${base}?appsecret=nope`)).toEqual({ status: 0, msg: 'appsecret无效', data: null });
    }
  });

  it('accepts the appsecret a sandbox was configured with, and only that one', async () => {
    const sandbox = createSandbox({ seed: 3, credentials: { appSecret: 'my-secret' } });
    const url = `${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_total.do`;
    expect((await getJson(sandbox, `${url}?appsecret=my-secret`)).status).toBe(1);
    expect((await getJson(sandbox, `${url}?appsecret=${appSecret}`)).msg).toBe('appsecret无效');
  });

  it('answers an unknown catalogue id with status 0 "目录不存在" and HTTP 200', async () => {
    const sandbox = createSandbox({ seed: 3 });
    for (const id of ['12720', 'no-such-dataset', '%E5%81%9C%E8%BD%A6', '%E0%A4%A']) {
      expect(await getJson(sandbox, `${sandbox.url}/jdop_front/interfaces/cata_${id}/get_data.do?appsecret=${appSecret}`)).toEqual({
        status: 0,
        msg: '目录不存在',
        data: null,
      });
    }
  });

  it('answers a restricted dataset with "未授权" until the app is approved for it', async () => {
    const denied = createSandbox({ seed: 3 });
    for (const name of ['get_data', 'get_total', 'get_dataupdate_date'] as const) {
      expect(await getJson(denied, openDataUrl(denied, 'zj-medical-practitioners', name))).toEqual({ status: 0, msg: '未授权', data: null });
    }
    const approved = createSandbox({ seed: 3, approved: ['zj-medical-practitioners'] });
    const total = await getJson(approved, openDataUrl(approved, 'zj-medical-practitioners', 'get_total'));
    expect(total.data).toBe(approved.datasets.find((dataset) => dataset.id === 'zj-medical-practitioners')!.count);
    expect((await getJson(approved, openDataUrl(approved, 'zj-medical-practitioners', 'get_data'))).data).toHaveLength(10);
  });

  it('masks personal names in every listing', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, approved: ['zj-medical-practitioners'], clock: clock.clock });
    const body = await getJson(sandbox, openDataUrl(sandbox, 'zj-medical-practitioners', 'get_data', { pageSize: 20 }));
    const nameColumn = practitioners.columns.find((column) => column.pinyin === 'XM')!;
    expect(nameColumn.masked).toBe('name');
    body.data.forEach((row: Record<string, string>, index: number) => {
      const fullName = String(practitioners.row(3, index, clock.clock())[nameColumn.name]);
      expect(row.XM).toBe(mask.name(fullName));
      expect(row.XM).not.toBe(fullName);
    });
  });

  it('answers the total and the update date of a dataset', async () => {
    const sandbox = createSandbox({ seed: 3, sizes: { 'nb-business-licenses': 1234 } });
    expect(await getJson(sandbox, openDataUrl(sandbox, 'nb-business-licenses', 'get_total'))).toEqual({ status: 1, msg: 'ok', data: 1234 });
    const updated = await getJson(sandbox, openDataUrl(sandbox, 'nb-business-licenses', 'get_dataupdate_date'));
    const dataset = sandbox.datasets.find((candidate) => candidate.id === 'nb-business-licenses')!;
    expect(updated).toEqual({ status: 1, msg: 'ok', data: shanghai(dataset.updatedAt) });
  });

  it('JSON-encodes data as a string once or twice when asked, never the failures', async () => {
    const plain = createSandbox({ seed: 3 });
    const rows = (await getJson(plain, openDataUrl(plain, 'hz-parking-lots', 'get_data'))).data;
    const once = createSandbox({ seed: 3, encodeData: 1 });
    const onceBody = await getJson(once, openDataUrl(once, 'hz-parking-lots', 'get_data'));
    expect(typeof onceBody.data).toBe('string');
    expect(JSON.parse(onceBody.data)).toEqual(rows);
    expect((await getJson(once, openDataUrl(once, 'hz-parking-lots', 'get_total'))).data).toBe('3128');

    const twice = createSandbox({ seed: 3, encodeData: 2 });
    const twiceBody = await getJson(twice, openDataUrl(twice, 'hz-parking-lots', 'get_data'));
    expect(typeof JSON.parse(twiceBody.data)).toBe('string');
    expect(JSON.parse(JSON.parse(twiceBody.data))).toEqual(rows);
    const date = await getJson(twice, openDataUrl(twice, 'hz-parking-lots', 'get_dataupdate_date'));
    expect(JSON.parse(JSON.parse(date.data))).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await getJson(twice, openDataUrl(twice, 'no-such', 'get_data'))).toEqual({ status: 0, msg: '目录不存在', data: null });
  });

  it('answers methods other than GET and POST with status 0', async () => {
    const sandbox = createSandbox({ seed: 3 });
    expect(await getJson(sandbox, openDataUrl(sandbox, 'hz-parking-lots', 'get_total'), { method: 'DELETE' })).toEqual({
      status: 0,
      msg: '请求方式不支持',
      data: null,
    });
  });
});
