import { describe, expect, it } from 'vitest';
import { createSandbox, type DataGatewayInterfaces, type Sandbox } from '../../../src/sandbox/index.js';
import { appSecret, decoded, gatewayOf, signAndCall, userSecret } from './data-gateway-requests.js';
import { getJson, movableClock, openDataUrl, shanghai } from './zhejiang-requests.js';

/** Section A's rows of one page of the same sandbox, to compare the gateway's against. */
async function sectionARows(sandbox: Sandbox, id: string, pageNum: number, pageSize: number): Promise<Record<string, string>[]> {
  const body = await getJson(sandbox, openDataUrl(sandbox, id, 'get_data', { pageNum, pageSize }));
  if (body.status !== 1) throw new Error(`section A answered ${body.msg}`);
  return body.data;
}

const pinyinColumns = (sandbox: Sandbox, id: string) =>
  sandbox.datasets.find((dataset) => dataset.id === id)!.columns.flatMap((column) => (column.pinyin === undefined ? [] : [column.pinyin]));

describe('zhejiang data gateway answers (section A2)', () => {
  it('lists the gateway interface ids in the catalogue entries of the four core datasets, as sandbox.datasets describes them', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const expected: Record<string, DataGatewayInterfaces> = {
      'hz-parking-lots': { style: 'rows', data: '331111zjhzTcBwK20200601093015482716SynReq', params: ['userSecret', 'pageNumber', 'pageSize'] },
      'nb-business-licenses': { style: 'code', count: 'biz02150417nbqydjxx', data: 'biz02150417nbqydjxxfy', params: ['appSecret', 'userSecret', 'pageNum', 'pageSize'] },
      'nb-food-licenses': { style: 'status', count: 'nbcata10486gettotal', data: 'nbcata10486getdata', updateDate: 'nbcata10486getupdatedate', params: ['appsecret', 'pageNum', 'pageSize'] },
      'zj-medical-practitioners': { style: 'status', count: 'zjcata20318gettotal', data: 'zjcata20318getdata', updateDate: 'zjcata20318getupdatedate', params: ['appsecret', 'pageNum', 'pageSize'] },
    };
    for (const [id, gateway] of Object.entries(expected)) {
      expect(gatewayOf(sandbox, id)).toEqual(gateway);
      const entry = (await getJson(sandbox, `${sandbox.url}/dopServer/rest/catalog/${id}`)).data;
      const ids = [gateway.count, gateway.data, gateway.updateDate].filter((value) => value !== undefined);
      expect(entry.interfaces).toEqual(['get_data', 'get_total', 'get_dataupdate_date', ...ids]);
    }
    const styles = new Set(Object.values(expected).map((gateway) => gateway.style));
    expect(styles).toEqual(new Set(['status', 'code', 'rows']));
    // Long-tail datasets answer section A only; the forbidden one has no interface at all.
    const others = sandbox.datasets.filter((dataset) => !(dataset.id in expected));
    expect(others.length).toBeGreaterThan(0);
    for (const dataset of others) expect(dataset.dataGateway).toBeUndefined();
    const forbidden = sandbox.datasets.find((dataset) => dataset.openClass === 'forbidden')!;
    const forbiddenEntry = (await getJson(sandbox, `${sandbox.url}/dopServer/rest/catalog/${forbidden.id}`)).data;
    expect(forbiddenEntry.openType).toBe(3);
    expect(forbiddenEntry.interfaces).toEqual([]);
  });

  it("style 'status': the count, the update date, and pages whose data is the rows as a JSON string (nb-food-licenses)", async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const gateway = gatewayOf(sandbox, 'nb-food-licenses');
    const dataset = sandbox.datasets.find((candidate) => candidate.id === 'nb-food-licenses')!;

    const count = await signAndCall(sandbox, gateway.count!, { appsecret: appSecret }, clock.now());
    expect(count.outer).toEqual({ code: 200, msg: '成功', data: expect.any(String) });
    expect(count.inner).toEqual({ status: 1, msg: '成功', data: 3000 });

    const date = await signAndCall(sandbox, gateway.updateDate!, { appsecret: appSecret }, clock.now());
    expect(date.inner).toEqual({ status: 1, msg: '成功', data: shanghai(dataset.updatedAt) });

    const page = await signAndCall(sandbox, gateway.data, { appsecret: appSecret, pageNum: '3', pageSize: '50' }, clock.now());
    expect(page.inner.status).toBe(1);
    expect(page.inner.msg).toBe('成功');
    expect(typeof page.inner.data).toBe('string');
    const rows = decoded(page.inner.data);
    expect(rows).toHaveLength(50);
    expect(Object.keys(rows[0])).toEqual(pinyinColumns(sandbox, 'nb-food-licenses'));
    expect(rows).toEqual(await sectionARows(sandbox, 'nb-food-licenses', 3, 50));
  });

  it("style 'status' with data as an array, and encodeData encoding count and rows further (zj-medical-practitioners, approved)", async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, approved: ['zj-medical-practitioners'] });
    const gateway = gatewayOf(sandbox, 'zj-medical-practitioners');
    const page = await signAndCall(sandbox, gateway.data, { appsecret: appSecret, pageNum: 1, pageSize: 5 }, clock.now());
    expect(Array.isArray(page.inner.data)).toBe(true);
    expect(page.inner.data).toEqual(await sectionARows(sandbox, 'zj-medical-practitioners', 1, 5));
    // Names stay masked, as in every listing.
    for (const row of page.inner.data) expect(row.XM).toMatch(/\*/);

    const encoded = createSandbox({ seed: 3, clock: clock.clock, approved: ['zj-medical-practitioners'], encodeData: 2 });
    const count = await signAndCall(encoded, gateway.count!, { appsecret: appSecret }, clock.now());
    expect(typeof count.inner.data).toBe('string');
    expect(decoded(count.inner.data)).toBe(2000);
    const rows = await signAndCall(encoded, gateway.data, { appsecret: appSecret, pageSize: 5 }, clock.now());
    expect(typeof JSON.parse(rows.inner.data)).toBe('string');
    expect(decoded(rows.inner.data)).toEqual(page.inner.data);
  });

  it("style 'code': a count interface and a paging interface whose data.data is the rows as a JSON string, the count in every page (nb-business-licenses)", async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const gateway = gatewayOf(sandbox, 'nb-business-licenses');
    const secrets = { appSecret, userSecret };
    const count = await signAndCall(sandbox, gateway.count!, secrets, clock.now());
    expect(count.inner).toEqual({ code: '1', msg: '查询成功', data: { count: 5000 } });

    const page = await signAndCall(sandbox, gateway.data, { ...secrets, pageNum: '2', pageSize: '200' }, clock.now());
    expect(page.inner.code).toBe('1');
    expect(page.inner.data.count).toBe(5000);
    expect(typeof page.inner.data.data).toBe('string');
    const rows = JSON.parse(page.inner.data.data);
    expect(rows).toHaveLength(200);
    expect(Object.keys(rows[0])).toEqual(pinyinColumns(sandbox, 'nb-business-licenses'));
    expect(rows).toEqual(await sectionARows(sandbox, 'nb-business-licenses', 2, 200));
  });

  it("style 'rows': the header as the first row of every page, records as arrays, the total in every page, paging by pageNumber (hz-parking-lots)", async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const gateway = gatewayOf(sandbox, 'hz-parking-lots');
    const header = pinyinColumns(sandbox, 'hz-parking-lots');
    for (const pageNumber of [1, 2]) {
      const page = await signAndCall(sandbox, gateway.data, { userSecret, pageNumber, pageSize: 100 }, clock.now());
      expect(page.inner).toEqual({ success: true, message: '查询成功', total: 3128, rows: expect.any(Array) });
      expect(page.inner.rows).toHaveLength(101);
      expect(page.inner.rows[0]).toEqual(header);
      const records = page.inner.rows.slice(1).map((row: string[]) => Object.fromEntries(header.map((column, index) => [column, row[index]])));
      expect(records).toEqual(await sectionARows(sandbox, 'hz-parking-lots', pageNumber, 100));
    }
    // pageNum is not this interface's name: it reads pageNumber, and without it the first page.
    const ignored = await signAndCall(sandbox, gateway.data, { userSecret, pageNum: '2', pageSize: '100' }, clock.now());
    expect(ignored.inner.rows[1]).toEqual((await signAndCall(sandbox, gateway.data, { userSecret, pageSize: '100' }, clock.now())).inner.rows[1]);
  });

  it('reads every row exactly once when paging to the end, the last page short and the next one empty, in every style', async () => {
    const clock = movableClock();
    const sizes = { 'nb-food-licenses': 45, 'nb-business-licenses': 41, 'hz-parking-lots': 43, 'zj-medical-practitioners': 42 };
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, sizes, approved: ['zj-medical-practitioners'] });
    const reads: Record<string, (pageNum: number) => Promise<unknown[]>> = {
      'nb-food-licenses': async (pageNum) => decoded((await signAndCall(sandbox, gatewayOf(sandbox, 'nb-food-licenses').data, { appsecret: appSecret, pageNum: String(pageNum), pageSize: '20' }, clock.now())).inner.data),
      'zj-medical-practitioners': async (pageNum) => (await signAndCall(sandbox, gatewayOf(sandbox, 'zj-medical-practitioners').data, { appsecret: appSecret, pageNum: String(pageNum), pageSize: '20' }, clock.now())).inner.data,
      'nb-business-licenses': async (pageNum) => JSON.parse((await signAndCall(sandbox, gatewayOf(sandbox, 'nb-business-licenses').data, { appSecret, userSecret, pageNum: String(pageNum), pageSize: '20' }, clock.now())).inner.data.data),
      'hz-parking-lots': async (pageNum) => {
        const rows = (await signAndCall(sandbox, gatewayOf(sandbox, 'hz-parking-lots').data, { userSecret, pageNumber: String(pageNum), pageSize: '20' }, clock.now())).inner.rows;
        const [header, ...records] = rows as string[][];
        return records.map((row) => Object.fromEntries(header!.map((column, index) => [column, row[index]])));
      },
    };
    for (const [id, size] of Object.entries(sizes)) {
      const read = reads[id]!;
      const lengths: number[] = [];
      const rows: unknown[] = [];
      for (let pageNum = 1; ; pageNum++) {
        const page = await read(pageNum);
        lengths.push(page.length);
        rows.push(...page);
        if (page.length < 20) break;
      }
      expect(lengths, id).toEqual([20, 20, size - 40]);
      expect(rows, id).toEqual(await sectionARows(sandbox, id, 1, size));
      expect(await read(4), id).toEqual([]);
    }
  });

  it('answers an empty page past the end of the rows style with the header alone', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, sizes: { 'hz-parking-lots': 5 } });
    const page = await signAndCall(sandbox, gatewayOf(sandbox, 'hz-parking-lots').data, { userSecret, pageNumber: '2', pageSize: '5' }, clock.now());
    expect(page.inner).toEqual({ success: true, message: '查询成功', total: 5, rows: [pinyinColumns(sandbox, 'hz-parking-lots')] });
  });

  it.each([
    ['nb-food-licenses', 'data', {}, { status: 0, msg: 'appsecret不能为空', data: null }],
    ['nb-food-licenses', 'count', { appsecret: 'wrong' }, { status: 0, msg: 'appsecret无效', data: null }],
    ['nb-food-licenses', 'data', { appsecret: appSecret, pageSize: '201' }, { status: 0, msg: 'pageSize不能超过200', data: null }],
    ['nb-food-licenses', 'data', { appsecret: appSecret, pageNum: 'abc' }, { status: 0, msg: 'pageNum必须为正整数', data: null }],
    ['nb-food-licenses', 'updateDate', { appSecret, userSecret }, { status: 0, msg: 'appsecret不能为空', data: null }],
    ['nb-business-licenses', 'count', { appSecret }, { code: '0', msg: 'userSecret不能为空', data: null }],
    ['nb-business-licenses', 'data', { appSecret: 'wrong', userSecret }, { code: '0', msg: 'appSecret无效', data: null }],
    ['nb-business-licenses', 'data', { appSecret, userSecret: appSecret }, { code: '0', msg: 'userSecret无效', data: null }],
    ['nb-business-licenses', 'data', { appSecret, userSecret, pageSize: 500 }, { code: '0', msg: 'pageSize不能超过200', data: null }],
    ['hz-parking-lots', 'data', { appsecret: appSecret }, { success: false, message: 'userSecret不能为空', total: 0, rows: null }],
    ['hz-parking-lots', 'data', { userSecret: 'wrong' }, { success: false, message: 'userSecret无效', total: 0, rows: null }],
    ['hz-parking-lots', 'data', { userSecret, pageNumber: 0 }, { success: false, message: 'pageNumber必须为正整数', total: 0, rows: null }],
    ['hz-parking-lots', 'data', { userSecret, pageSize: '201' }, { success: false, message: 'pageSize不能超过200', total: 0, rows: null }],
  ] as const)('answers %s %s with business params %j by an inner failure inside code 200', async (id, role, business, inner) => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const answer = await signAndCall(sandbox, gatewayOf(sandbox, id)[role]!, business, clock.now());
    expect(answer.outer.code).toBe(200);
    expect(answer.inner).toEqual(inner);
  });

  it('ignores business parameters an interface does not read, so a client may send every secret and paging name', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const everything = { appsecret: appSecret, appSecret, userSecret, pageNum: '2', pageNumber: '2', pageSize: '10', extra: 'x' };
    expect(decoded((await signAndCall(sandbox, gatewayOf(sandbox, 'nb-food-licenses').data, everything, clock.now())).inner.data)).toEqual(await sectionARows(sandbox, 'nb-food-licenses', 2, 10));
    expect(JSON.parse((await signAndCall(sandbox, gatewayOf(sandbox, 'nb-business-licenses').data, everything, clock.now())).inner.data.data)).toHaveLength(10);
    expect((await signAndCall(sandbox, gatewayOf(sandbox, 'hz-parking-lots').data, everything, clock.now())).inner.rows).toHaveLength(11);
  });

  it('keeps restricted data for approved apps: an unapproved app gets 403 on every interface of the practitioners', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const gateway = gatewayOf(sandbox, 'zj-medical-practitioners');
    for (const interfaceId of [gateway.count!, gateway.data, gateway.updateDate!]) {
      const answer = await signAndCall(sandbox, interfaceId, { appsecret: appSecret }, clock.now());
      expect(answer.outer).toEqual({ code: 403, msg: '应用未获授权调用该接口', data: null });
    }
  });
});
