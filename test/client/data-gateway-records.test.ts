import { describe, expect, it } from 'vitest';
import { createClient, PortalError, portals, UnsupportedError } from '../../src/index.js';
import { gatewayHarness, gatewayIds } from './data-gateway-harness.js';

const FOOD = 'nb-food-licenses';
const BUSINESS = 'nb-business-licenses';
const PARKING = 'hz-parking-lots';
const PRACTITIONERS = 'zj-medical-practitioners';
const SIZES = { [FOOD]: 230, [BUSINESS]: 230, [PARKING]: 230, [PRACTITIONERS]: 230 };

/** A sandbox clock that stands still (live parking data stays put), with the data gateway quota off. */
function stillSandbox(extra: object = {}) {
  const now = Date.now();
  return { sizes: SIZES, clock: () => new Date(now), gatewayCallsPerSecond: Infinity, approved: [PRACTITIONERS], ...extra };
}

describe('records through the zhejiang data gateway (section A2)', () => {
  it.each([
    ['status', FOOD],
    ['status, rows as an array', PRACTITIONERS],
    ['code', BUSINESS],
    ['rows, under a header row', PARKING],
  ])('reads the %s style answers of %s into the same records as section A, by catalogue id', async (_style, id) => {
    const a2 = gatewayHarness({ sandbox: stillSandbox() });
    const sectionA = createClient({ portal: portals.zhejiang({ baseUrl: a2.sandbox.url, appSecret: a2.sandbox.credentials.appSecret }), fetch: a2.sandbox.fetch });
    const expected = await sectionA.datasets.records(id, { pageSize: 100 }).toArray();
    expect(expected).toHaveLength(230);

    const rows = await a2.client.datasets.records(id, { pageSize: 100 }).toArray();
    expect(rows).toEqual(expected);
    expect(a2.count('get_data.do')).toBe(0);
    const ids = gatewayIds(a2.sandbox, id);
    // Three pages of rows, each signed, plus the count where the dataset has a count interface.
    expect(a2.count('gateway.do', ids.data)).toBe(3);
    expect(a2.count('gateway.do')).toBe(ids.count === undefined ? 3 : 4);
    expect(a2.count('createsign.do')).toBe(a2.count('gateway.do'));
  });

  it.each([
    ['a status style paging id', 'nbcata10486getdata', FOOD],
    ['a code style paging id', 'biz02150417nbqydjxxfy', BUSINESS],
    ['a rows style SynReq id', '331111zjhzTcBwK20200601093015482716SynReq', PARKING],
  ])('reads %s alone, with no catalogue request and no count interface', async (_what, interfaceId, id) => {
    const a2 = gatewayHarness({ sandbox: stillSandbox() });
    const expected = await a2.client.datasets.records(id, { pageSize: 100 }).toArray();
    a2.sent.length = 0;
    const rows = await a2.client.datasets.records(interfaceId, { pageSize: 100 }).toArray();
    expect(rows).toEqual(expected);
    expect(a2.sent.filter((request) => request.method === 'GET')).toEqual([]);
    expect(a2.sent.filter((request) => request.fields['interface_id'] !== interfaceId)).toEqual([]);
    // Pages until a short one: 100, 100, 30.
    expect(a2.count('gateway.do')).toBe(3);
  });

  it('signs the next page while the page before is in flight when nothing tells the count', async () => {
    const a2 = gatewayHarness({ sandbox: stillSandbox() });
    await a2.client.datasets.records('nbcata10486getdata', { pageSize: 100 }).toArray();
    const order = a2.sent.map((request) => `${request.path === 'createsign.do' ? 'sign' : 'call'} ${JSON.parse(request.fields['biz_content'] as string).pageNum}`);
    // Page 2 is signed along with page 1, page 3 while page 2 is called, …; the sign of page 4 goes unused.
    expect(order).toEqual(['sign 1', 'sign 2', 'call 1', 'sign 3', 'call 2', 'sign 4', 'call 3']);
  });

  it('costs one sign and one call for limit: 5, by catalogue id and by bare interface id', async () => {
    const a2 = gatewayHarness({ sandbox: stillSandbox() });
    const rows = await a2.client.datasets.records(FOOD, { limit: 5 }).toArray();
    expect(rows).toHaveLength(5);
    expect([a2.count('createsign.do'), a2.count('gateway.do')]).toEqual([1, 1]);
    // The open-class check reads the catalogue entry; the adapter's read of its interface ids is the cached copy.
    expect(a2.count(FOOD)).toBe(1);

    a2.sent.length = 0;
    expect(await a2.client.datasets.records('nbcata10486getdata', { limit: 5 }).toArray()).toEqual(rows);
    expect(a2.sent.map((request) => request.path)).toEqual(['createsign.do', 'gateway.do']);
    expect(JSON.parse(a2.sent[1]?.fields['biz_content'] as string)).toMatchObject({ pageNum: '1', pageSize: '5' });
  });

  it('signs every call afresh just before making it, with the same fields and timestamp in both steps', async () => {
    const a2 = gatewayHarness({ sandbox: stillSandbox() });
    const before = Date.now();
    await a2.client.datasets.records(BUSINESS, { pageSize: 50 }).toArray();
    await a2.client.datasets.version(BUSINESS);
    const calls = a2.sent.filter((request) => request.path === 'gateway.do');
    const signRequests = a2.sent.filter((request) => request.path === 'createsign.do');
    expect(calls).toHaveLength(5 + 1 + 1);
    expect(signRequests).toHaveLength(calls.length);
    expect(new Set(a2.signs).size).toBe(a2.signs.length);
    for (const call of calls) {
      const { sign, ...fields } = call.fields;
      const index = signRequests.findIndex((request) => JSON.stringify({ ...request.fields, sign: undefined }) === JSON.stringify({ ...fields, sign: undefined }));
      expect(index).toBeGreaterThanOrEqual(0);
      expect(signRequests[index]?.fields['sign']).toBe('');
      expect(sign).toBe(a2.signs[index]);
      expect(fields).toMatchObject({ app_id: 'kaifang-sandbox', version: '1.0.0', charset: 'utf-8', origin: '0' });
      expect(Number(fields['timestamp'])).toBeGreaterThanOrEqual(before);
      expect(Number(fields['timestamp'])).toBeLessThanOrEqual(Date.now());
    }
    // Every page its own biz_content, so its own sign.
    const pages = calls.map((call) => JSON.parse(call.fields['biz_content'] as string).pageNum).filter(Boolean);
    expect(pages.sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('sends every secret and paging value under every known name unless told the names, numbers as strings', async () => {
    const a2 = gatewayHarness({ sandbox: stillSandbox() });
    await a2.client.datasets.records(PARKING, { limit: 3 }).toArray();
    const { appSecret, userSecret } = a2.sandbox.credentials;
    expect(JSON.parse(a2.sent.find((request) => request.path === 'gateway.do')?.fields['biz_content'] as string)).toEqual({
      appsecret: appSecret,
      appSecret,
      userSecret,
      pageNum: '1',
      pageNumber: '1',
      pageSize: '3',
    });

    const named = gatewayHarness({
      sandbox: stillSandbox(),
      portal: { interfaces: { parking: { data: '331111zjhzTcBwK20200601093015482716SynReq', params: ['userSecret', 'pageNumber', 'pageSize'], extraParams: { region: '330100' } } } },
    });
    expect(await named.client.datasets.records('parking', { limit: 3 }).toArray()).toHaveLength(3);
    expect(JSON.parse(named.sent.find((request) => request.path === 'gateway.do')?.fields['biz_content'] as string)).toEqual({ userSecret, pageNumber: '1', pageSize: '3', region: '330100' });
    expect(named.sent.filter((request) => request.method === 'GET')).toEqual([]);
  });

  it('reads the ids given in the interfaces option under a name of the caller\'s choosing, count included', async () => {
    const a2 = gatewayHarness({ sandbox: stillSandbox(), portal: { interfaces: { licences: { data: 'biz02150417nbqydjxxfy', count: 'biz02150417nbqydjxx' } } } });
    const rows = await a2.client.datasets.records('licences', { pageSize: 100 }).toArray();
    expect(rows).toHaveLength(230);
    expect(a2.count('gateway.do', 'biz02150417nbqydjxx')).toBe(1);
    expect(a2.count('gateway.do', 'biz02150417nbqydjxxfy')).toBe(3);
    expect(await a2.client.datasets.version('licences')).toEqual({ updatedAt: null, total: 230 });
  });

  it('reads a dataset whose catalogue entry lists no gateway id through section A, unless the gateway is asked for', async () => {
    const a2 = gatewayHarness();
    const longTail = a2.sandbox.datasets.find((dataset) => dataset.dataGateway === undefined && dataset.openClass === 'unconditional');
    if (!longTail) throw new Error('the sandbox has no long-tail dataset');
    expect(await a2.client.datasets.records(longTail.id, { limit: 2 }).toArray()).toHaveLength(2);
    expect([a2.count('get_data.do'), a2.count('gateway.do')]).toEqual([1, 0]);

    const forced = gatewayHarness({ portal: { generation: 'A2' } });
    const error = await forced.client.datasets.records(longTail.id, { limit: 2 }).toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect((error as Error).message).toContain(`lists no data gateway interface ids: pass them, e.g. portals.zhejiang({ …, interfaces: { '${longTail.id}'`);
    expect(forced.count('gateway.do') + forced.count('get_data.do')).toBe(0);
  });

  it("uses section A when asked to, even with an app id (generation: 'A')", async () => {
    const a2 = gatewayHarness({ sandbox: stillSandbox(), portal: { generation: 'A' } });
    expect(await a2.client.datasets.records(FOOD, { limit: 3 }).toArray()).toHaveLength(3);
    expect([a2.count('get_data.do'), a2.count('gateway.do'), a2.count('createsign.do')]).toEqual([1, 0, 0]);
  });

  it('refuses a restricted dataset the app is not approved for with the platform\'s message, and reads it once approved', async () => {
    const refused = gatewayHarness({ sandbox: { sizes: SIZES } });
    const error = await refused.client.datasets.records(PRACTITIONERS, { limit: 3 }).toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortalError);
    expect(error).toMatchObject({ portalCode: '403', portalMessage: '应用未获授权调用该接口' });
    const approved = gatewayHarness({ sandbox: { sizes: SIZES, approved: [PRACTITIONERS] } });
    const rows = await approved.client.datasets.records(PRACTITIONERS, { limit: 3 }).toArray();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row['XM']).toMatch(/\*/);
  });

  it('tells the change marker from the count and update-date interfaces, or from a one-row page', async () => {
    const a2 = gatewayHarness({ sandbox: stillSandbox() });
    const food = a2.sandbox.datasets.find((dataset) => dataset.id === FOOD);
    expect(await a2.client.datasets.version(FOOD)).toEqual({ updatedAt: food?.updatedAt, total: 230 });
    expect(a2.sent.filter((request) => request.path === 'gateway.do').map((request) => request.fields['interface_id']).sort()).toEqual(['nbcata10486gettotal', 'nbcata10486getupdatedate']);
    a2.sent.length = 0;
    expect(await a2.client.datasets.version(PARKING)).toEqual({ updatedAt: null, total: 230 });
    expect(a2.sent.filter((request) => request.path === 'gateway.do').map((request) => JSON.parse(request.fields['biz_content'] as string).pageSize)).toEqual(['1']);
  });
});
