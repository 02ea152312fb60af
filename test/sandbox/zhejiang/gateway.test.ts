import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { appKey, appSecret, getJson, md5, movableClock, query, refreshByKey, refreshBySecret, verify, verifyPath } from './zhejiang-requests.js';

const FIFTEEN_MINUTES = 15 * 60_000;
const FORTY_EIGHT_HOURS = 48 * 3_600_000;

async function certificate(sandbox: Sandbox): Promise<{ certNo: string }> {
  const approved = createSandbox({ seed: sandbox.seed, approved: ['zj-medical-practitioners'] });
  const rows = (await getJson(approved, `${approved.url}/jdop_front/interfaces/cata_zj-medical-practitioners/get_data.do?appsecret=${appSecret}&pageSize=1`)).data;
  return { certNo: rows[0].ZSBM };
}

describe('zhejiang signed gateway (section C)', () => {
  it('issues secrets for a correctly signed refreshTokenByKey, with end times from the clock', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 7, clock: clock.clock });
    const body = await refreshByKey(sandbox, clock.now());
    expect(body.code).toBe('00');
    expect(body.msg).toBe('成功');
    expect(body.datas).toEqual({
      refreshSecret: expect.stringMatching(/^[0-9a-f]{32}$/),
      refreshSecretEndTime: clock.now() + FORTY_EIGHT_HOURS,
      requestSecret: expect.stringMatching(/^[0-9a-f]{32}$/),
      requestSecretEndTime: clock.now() + FIFTEEN_MINUTES,
    });
    expect(body.datas.refreshSecret).not.toBe(body.datas.requestSecret);
  });

  it('uses the configured token lifetimes', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 7, clock: clock.clock, tokenLifetimes: { requestSecret: 1000, refreshSecret: 5000 } });
    const body = await refreshByKey(sandbox, clock.now());
    expect(body.datas.requestSecretEndTime).toBe(clock.now() + 1000);
    expect(body.datas.refreshSecretEndTime).toBe(clock.now() + 5000);
  });

  it('rejects a wrong md5 signature with code 14', async () => {
    const sandbox = createSandbox({ seed: 7 });
    const requestTime = Date.now();
    const wrong = md5(appKey + 'not-the-secret' + requestTime);
    expect(await getJson(sandbox, `${sandbox.url}/gateway/app/refreshTokenByKey.htm?${query({ appKey, requestTime, sign: wrong })}`)).toEqual({
      code: '14',
      msg: '签名错误',
      datas: null,
    });
  });

  it('rejects an unknown app key with code 14', async () => {
    const sandbox = createSandbox({ seed: 7 });
    const requestTime = Date.now();
    const sign = md5('someone-else' + appSecret + requestTime);
    expect(await getJson(sandbox, `${sandbox.url}/gateway/app/refreshTokenByKey.htm?${query({ appKey: 'someone-else', requestTime, sign })}`)).toEqual({
      code: '14',
      msg: 'appKey无效',
      datas: null,
    });
  });

  it.each([
    [{ requestTime: 1, sign: 'x' }, '97', '缺少参数appKey'],
    [{ appKey, sign: 'x' }, '97', '缺少参数requestTime'],
    [{ appKey, requestTime: 1 }, '97', '缺少参数sign'],
    [{ appKey, requestTime: 'yesterday', sign: 'x' }, '98', '参数requestTime类型错误'],
    [{ appKey, requestTime: '99999999999999999999999', sign: 'x' }, '98', '参数requestTime类型错误'],
  ])('answers the refresh parameters %j with code %s', async (params, code, msg) => {
    const sandbox = createSandbox({ seed: 7 });
    expect(await getJson(sandbox, `${sandbox.url}/gateway/app/refreshTokenByKey.htm?${query(params)}`)).toEqual({ code, msg, datas: null });
  });

  it('accepts appKey, requestTime and sign as HTTP headers, and a form POST', async () => {
    const sandbox = createSandbox({ seed: 7 });
    const requestTime = String(Date.now());
    const sign = md5(appKey + appSecret + requestTime);
    const byHeaders = await getJson(sandbox, `${sandbox.url}/gateway/app/refreshTokenByKey.htm`, { headers: { appKey, requestTime, sign } });
    expect(byHeaders.code).toBe('00');
    const byForm = await getJson(sandbox, `${sandbox.url}/gateway/app/refreshTokenByKey.htm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: query({ appKey, requestTime, sign }),
    });
    expect(byForm.code).toBe('00');
  });

  it('answers a verification signed with the request secret', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 7, clock: clock.clock });
    const { certNo } = await certificate(sandbox);
    const { requestSecret } = (await refreshByKey(sandbox, clock.now())).datas;
    const body = await verify(sandbox, requestSecret, clock.now(), { certNo, name: '不是这个人' });
    expect(body.code).toBe('00');
    expect(body.dataCount).toBe(1);
    expect(body.datas).toMatchObject({ found: true, match: false });
  });

  it('rejects an interface call signed with a wrong md5 or before any refresh with code 14', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 7, clock: clock.clock });
    expect((await verify(sandbox, 'never-issued', clock.now(), { certNo: 'A1', name: '张三' })).code).toBe('14');
    await refreshByKey(sandbox, clock.now());
    expect(await verify(sandbox, 'not-the-request-secret', clock.now(), { certNo: 'A1', name: '张三' })).toEqual({ code: '14', msg: '签名错误', datas: null });
  });

  it('answers code 11 once the request secret has expired, and recovers after refreshTokenBySec', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 7, clock: clock.clock });
    const first = (await refreshByKey(sandbox, clock.now())).datas;
    clock.advance(FIFTEEN_MINUTES - 1);
    expect((await verify(sandbox, first.requestSecret, clock.now(), { certNo: 'A1', name: '张三' })).code).toBe('00');
    clock.advance(1);
    expect(await verify(sandbox, first.requestSecret, clock.now(), { certNo: 'A1', name: '张三' })).toEqual({ code: '11', msg: 'requestSecret已过期', datas: null });

    const second = await refreshBySecret(sandbox, first.refreshSecret, clock.now());
    expect(second.code).toBe('00');
    expect(second.datas.requestSecretEndTime).toBe(clock.now() + FIFTEEN_MINUTES);
    expect((await verify(sandbox, second.datas.requestSecret, clock.now(), { certNo: 'A1', name: '张三' })).code).toBe('00');
  });

  it('invalidates the previous secrets on every refresh', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 7, clock: clock.clock });
    const first = (await refreshByKey(sandbox, clock.now())).datas;
    const second = (await refreshBySecret(sandbox, first.refreshSecret, clock.now())).datas;
    expect(second.requestSecret).not.toBe(first.requestSecret);
    expect(second.refreshSecret).not.toBe(first.refreshSecret);
    expect((await verify(sandbox, first.requestSecret, clock.now(), { certNo: 'A1', name: '张三' })).code).toBe('14');
    expect((await refreshBySecret(sandbox, first.refreshSecret, clock.now())).code).toBe('14');

    const third = (await refreshByKey(sandbox, clock.now())).datas;
    expect((await verify(sandbox, second.requestSecret, clock.now(), { certNo: 'A1', name: '张三' })).code).toBe('14');
    expect((await refreshBySecret(sandbox, second.refreshSecret, clock.now())).code).toBe('14');
    expect((await verify(sandbox, third.requestSecret, clock.now(), { certNo: 'A1', name: '张三' })).code).toBe('00');
  });

  it('answers code 14 for an expired refresh secret, and a refreshTokenByKey starts over', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 7, clock: clock.clock });
    const first = (await refreshByKey(sandbox, clock.now())).datas;
    clock.advance(FORTY_EIGHT_HOURS);
    expect(await refreshBySecret(sandbox, first.refreshSecret, clock.now())).toEqual({ code: '14', msg: 'refreshSecret已过期', datas: null });
    const fresh = await refreshByKey(sandbox, clock.now());
    expect(fresh.code).toBe('00');
    expect((await verify(sandbox, fresh.datas.requestSecret, clock.now(), { certNo: 'A1', name: '张三' })).code).toBe('00');
  });

  it('issues the same secrets for the same seed and different ones for another seed', async () => {
    const clock = movableClock();
    const a = (await refreshByKey(createSandbox({ seed: 7, clock: clock.clock }), clock.now())).datas;
    const b = (await refreshByKey(createSandbox({ seed: 7, clock: clock.clock }), clock.now())).datas;
    const c = (await refreshByKey(createSandbox({ seed: 8, clock: clock.clock }), clock.now())).datas;
    expect(b).toEqual(a);
    expect(c.requestSecret).not.toBe(a.requestSecret);
  });

  it('answers code 18 past the per-second quota of the sandbox clock, and serves again the next second', async () => {
    const { GATEWAY_CALLS_PER_SECOND } = await import('../../../src/sandbox/flavors/zhejiang/index.js');
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 7, clock: clock.clock, sizes: { 'zj-medical-practitioners': 10 } });
    const { requestSecret } = (await refreshByKey(sandbox, clock.now())).datas;
    for (let n = 0; n < GATEWAY_CALLS_PER_SECOND; n++) {
      const body = await verify(sandbox, requestSecret, clock.now(), { certNo: 'A1', name: '张三' });
      if (body.code !== '00') throw new Error(`call ${n} answered ${body.code}`);
    }
    const over = await verify(sandbox, requestSecret, clock.now(), { certNo: 'A1', name: '张三' });
    expect(over.code).toBe('18');
    expect(over.datas).toBeNull();
    clock.advance(1000);
    expect((await verify(sandbox, requestSecret, clock.now(), { certNo: 'A1', name: '张三' })).code).toBe('00');
  });

  it('answers an interface the catalogue does not name with code 99', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 7, clock: clock.clock });
    const { requestSecret } = (await refreshByKey(sandbox, clock.now())).datas;
    const sign = md5(appKey + requestSecret + clock.now());
    for (const path of ['/gateway/api/001008001/dataSharing/other.htm', '/gateway/api/999/dataSharing/practitionerVerify.htm']) {
      expect(await getJson(sandbox, `${sandbox.url}${path}?${query({ appKey, requestTime: clock.now(), sign })}`)).toEqual({ code: '99', msg: '接口不存在', datas: null });
    }
  });

  it('answers methods other than GET and POST with code 99', async () => {
    const sandbox = createSandbox({ seed: 7 });
    expect((await getJson(sandbox, `${sandbox.url}${verifyPath}`, { method: 'PUT' })).code).toBe('99');
  });
});
