import { describe, expect, it } from 'vitest';
import { createSandbox, type FaultKind } from '../../../src/sandbox/index.js';
import { appSecret, callFields, callGateway, createSign, decoded, gatewayOf, postCreateSign, postGateway, signAndCall, userSecret } from './data-gateway-requests.js';
import { getJson, movableClock, openDataUrl, refreshByKey, shanghai, verify } from './zhejiang-requests.js';

const FOOD = 'nb-food-licenses';

describe('zhejiang data gateway under faults, mutations and quota (section A2)', () => {
  it.each([
    ['unavailable', async (response: Response) => expect([response.status, await response.text()]).toEqual([503, '503 Service Unavailable\n'])],
    ['rate-limit', async (response: Response) => expect([response.status, response.headers.get('retry-after')]).toEqual([429, '2'])],
    ['html', async (response: Response) => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
    }],
    ['drift', async (response: Response) => {
      const body = await response.json();
      expect(body.code).toBe(200);
      expect(body).not.toHaveProperty('data');
      expect(decoded(body.dataList).status).toBe(1);
    }],
    ['truncate', async (response: Response) => {
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow(/terminated/);
    }],
  ] as const)('injects a %s fault into a gateway.do answer, and the next call is served', async (kind, check) => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, faults: [{ match: '/interface/gateway.do', kind: kind as FaultKind, retryAfter: 2 }] });
    const fields = callFields(gatewayOf(sandbox, FOOD).data, { appsecret: appSecret, pageSize: '20' }, clock.now());
    const signed = { ...fields, sign: await createSign(sandbox, fields) };
    await check(await postGateway(sandbox, signed));
    expect((await callGateway(sandbox, signed)).code).toBe(200);
    expect(sandbox.stats.faults[kind as FaultKind]).toBe(1);
  });

  it('drops the connection of a gateway.do call on a reset fault', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, faults: [{ match: '/interface/gateway.do', kind: 'reset' }] });
    const fields = callFields(gatewayOf(sandbox, FOOD).count!, { appsecret: appSecret }, clock.now());
    const signed = { ...fields, sign: await createSign(sandbox, fields) };
    await expect(postGateway(sandbox, signed)).rejects.toThrow(TypeError);
    expect((await callGateway(sandbox, signed)).code).toBe(200);
  });

  it('delays a slow gateway.do answer, and gives up when the caller aborts', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, faults: [{ match: '/interface/gateway.do', kind: 'slow', delay: 60, times: 2 }] });
    const fields = callFields(gatewayOf(sandbox, FOOD).count!, { appsecret: appSecret }, clock.now());
    const signed = { ...fields, sign: await createSign(sandbox, fields) };
    const started = performance.now();
    expect((await callGateway(sandbox, signed)).code).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    const body = new URLSearchParams(signed).toString();
    const aborted = sandbox.fetch(`${sandbox.url}/interface/gateway.do`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, signal: AbortSignal.timeout(5) });
    await expect(aborted).rejects.toThrow();
  });

  it('injects faults into createsign.do too: an HTML page instead of a sign, a cut sign', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({
      seed: 3,
      clock: clock.clock,
      faults: [
        { match: '/jimp/sign/createsign.do', kind: 'html' },
        { match: '/jimp/sign/createsign.do', kind: 'truncate' },
      ],
    });
    const fields = callFields(gatewayOf(sandbox, FOOD).count!, { appsecret: appSecret }, clock.now());
    const html = await postCreateSign(sandbox, fields);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/502 Bad Gateway/);
    await expect((await postCreateSign(sandbox, fields)).text()).rejects.toThrow(/terminated/);
    expect(await createSign(sandbox, fields)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('draws rate faults over data gateway requests like any other', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 5, clock: clock.clock, faults: { rate: 0.5, kinds: ['unavailable'] } });
    const fields = callFields(gatewayOf(sandbox, FOOD).count!, { appsecret: appSecret }, clock.now());
    const statuses: number[] = [];
    for (let n = 0; n < 40; n++) statuses.push((await postCreateSign(sandbox, fields)).status);
    expect(statuses.filter((status) => status === 503).length).toBe(sandbox.stats.faults.unavailable);
    expect(sandbox.stats.faults.unavailable).toBeGreaterThan(5);
    expect(sandbox.stats.faults.unavailable).toBeLessThan(35);
  });

  it('shows mutations through the count, update-date and paging interfaces of every style', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, sizes: { [FOOD]: 30, 'nb-business-licenses': 30, 'hz-parking-lots': 30 } });
    const food = gatewayOf(sandbox, FOOD);
    const page = async () => decoded((await signAndCall(sandbox, food.data, { appsecret: appSecret, pageNum: '1', pageSize: '200' }, clock.now())).inner.data);
    const before = await page();
    expect(before).toHaveLength(30);

    clock.advance(60_000);
    const result = sandbox.mutate({ dataset: FOOD, add: 3, update: 2, remove: 1 });
    expect((await signAndCall(sandbox, food.count!, { appsecret: appSecret }, clock.now())).inner.data).toBe(32);
    expect((await signAndCall(sandbox, food.updateDate!, { appsecret: appSecret }, clock.now())).inner.data).toBe(shanghai(result.updatedAt));
    const after = await page();
    expect(after).toHaveLength(32);
    expect(after).not.toEqual(before);
    expect(after).toEqual((await getJson(sandbox, openDataUrl(sandbox, FOOD, 'get_data', { pageSize: 200 }))).data);

    sandbox.mutate({ dataset: 'nb-business-licenses', add: 5 });
    const business = gatewayOf(sandbox, 'nb-business-licenses');
    expect((await signAndCall(sandbox, business.count!, { appSecret, userSecret }, clock.now())).inner.data.count).toBe(35);
    const businessPage = (await signAndCall(sandbox, business.data, { appSecret, userSecret, pageNum: '2', pageSize: '20' }, clock.now())).inner.data;
    expect(businessPage.count).toBe(35);
    expect(JSON.parse(businessPage.data)).toHaveLength(15);

    sandbox.mutate({ dataset: 'hz-parking-lots', remove: 4 });
    const parking = (await signAndCall(sandbox, gatewayOf(sandbox, 'hz-parking-lots').data, { userSecret, pageNumber: '1', pageSize: '200' }, clock.now())).inner;
    expect(parking.total).toBe(26);
    expect(parking.rows).toHaveLength(27);
  });

  it('answers 429 over the per-second quota of one app on one interface, other interfaces and the next second unaffected', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, gatewayCallsPerSecond: 3 });
    const food = gatewayOf(sandbox, FOOD);
    const fields = callFields(food.data, { appsecret: appSecret }, clock.now());
    const signed = { ...fields, sign: await createSign(sandbox, fields) };
    for (let n = 0; n < 3; n++) expect((await callGateway(sandbox, signed)).code).toBe(200);
    const over = await callGateway(sandbox, signed);
    expect(over.code).toBe(429);
    expect(over.data).toBeNull();
    for (const word of ['超过', '次数', '限制', '频繁']) expect(over.msg).toContain(word);
    expect((await signAndCall(sandbox, food.count!, { appsecret: appSecret }, clock.now())).outer.code).toBe(200);
    // Section C counts its own calls.
    const { requestSecret } = (await refreshByKey(sandbox, clock.now())).datas;
    expect((await verify(sandbox, requestSecret, clock.now(), { certNo: 'A1', name: '张三' })).code).toBe('00');
    clock.advance(1000);
    expect((await callGateway(sandbox, signed)).code).toBe(200);
  });

  it('allows 1000 calls per second by default', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, sizes: { [FOOD]: 10 } });
    const fields = callFields(gatewayOf(sandbox, FOOD).count!, { appsecret: appSecret }, clock.now());
    const signed = { ...fields, sign: await createSign(sandbox, fields) };
    for (let n = 0; n < 1000; n++) {
      const body = await callGateway(sandbox, signed);
      if (body.code !== 200) throw new Error(`call ${n} answered ${body.code}`);
    }
    expect((await callGateway(sandbox, signed)).code).toBe(429);
  });

  it('rejects a quota that is not a number above 0', () => {
    for (const gatewayCallsPerSecond of [0, -1, Number.NaN]) {
      expect(() => createSandbox({ gatewayCallsPerSecond })).toThrow(/gatewayCallsPerSecond must be a number above 0/);
    }
    expect(() => createSandbox({ gatewayCallsPerSecond: Infinity })).not.toThrow();
  });

  it('signs and answers over real HTTP with the same bytes as in-process', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const server = await sandbox.listen({ port: 0 });
    try {
      const fields = callFields(gatewayOf(sandbox, 'nb-business-licenses').data, { appSecret, userSecret, pageNum: '4', pageSize: '25' }, clock.now());
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const signResponse = await fetch(`${server.url}/jimp/sign/createsign.do`, { method: 'POST', headers: form, body: new URLSearchParams(fields).toString() });
      const sign = await signResponse.text();
      expect(sign).toBe(await createSign(sandbox, fields));
      const answer = await fetch(`${server.url}/interface/gateway.do`, { method: 'POST', headers: form, body: new URLSearchParams({ ...fields, sign }).toString() });
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await answer.text()).toBe(JSON.stringify(await callGateway(sandbox, { ...fields, sign })));
    } finally {
      await server.close();
    }
  });
});
