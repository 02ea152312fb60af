import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { appId, appSecret, callFields, callGateway, createSign, expectedSign, postCreateSign, signAndCall, userSecret } from './data-gateway-requests.js';
import { movableClock } from './zhejiang-requests.js';

const FOOD_COUNT = 'nbcata10486gettotal';
const FOOD_DATA = 'nbcata10486getdata';
const FIVE_MINUTES = 5 * 60_000;
const page = (pageNum: number) => ({ appsecret: appSecret, pageNum: String(pageNum), pageSize: '20' });

describe('zhejiang data gateway signs (section A2)', () => {
  it('answers createsign.do with 64 hex characters as text/plain: HMAC-SHA256 of the sorted fields under the app secret', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const fields = callFields(FOOD_DATA, page(1), clock.now());
    const response = await postCreateSign(sandbox, fields);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const sign = await response.text();
    expect(sign).toMatch(/^[0-9a-f]{64}$/);
    expect(sign).toBe(expectedSign(fields));
  });

  it('signs over GET too, and without the empty sign field', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const { sign: _empty, ...fields } = callFields(FOOD_DATA, page(1), clock.now());
    const response = await sandbox.fetch(`${sandbox.url}/jimp/sign/createsign.do?${new URLSearchParams(fields).toString()}`);
    expect(await response.text()).toBe(expectedSign(fields));
  });

  it.each([
    ['an unknown app id', { app_id: 'someone-else' }],
    ['no app id', { app_id: '' }],
    ['no interface id', { interface_id: '' }],
    ['no timestamp', { timestamp: '' }],
    ['no biz_content', { biz_content: '' }],
    ['a timestamp that is not epoch milliseconds', { timestamp: '2026-11-20 08:00:00' }],
    ['a timestamp older than the sign lifetime', { timestamp: String(new Date('2026-11-20T00:00:00Z').getTime() - FIVE_MINUTES - 1) }],
    ['a timestamp further ahead than the sign lifetime', { timestamp: String(new Date('2026-11-20T00:00:00Z').getTime() + FIVE_MINUTES + 1) }],
  ])('refuses to sign %s with an empty body', async (_case, overrides) => {
    const clock = movableClock('2026-11-20T00:00:00.000Z');
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const response = await postCreateSign(sandbox, callFields(FOOD_DATA, page(1), clock.now(), overrides));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses to sign for a method other than GET and POST, or a param field that is not JSON', async () => {
    const sandbox = createSandbox({ seed: 3 });
    expect(await (await sandbox.fetch(`${sandbox.url}/jimp/sign/createsign.do`, { method: 'PUT', body: 'x' })).text()).toBe('');
    expect(await (await sandbox.fetch(`${sandbox.url}/jimp/sign/createsign.do?param=${encodeURIComponent('{nope')}`)).text()).toBe('');
  });

  it('accepts a signed call as a form POST, a GET and one param JSON field, with the same answer', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const answers = [];
    for (const mode of ['form', 'get', 'param'] as const) {
      const { outer } = await signAndCall(sandbox, FOOD_DATA, page(2), clock.now(), mode);
      expect(outer.code).toBe(200);
      answers.push(outer.data);
    }
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });

  it('accepts the fields as multipart form data, as browser clients send them', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const fields = callFields(FOOD_COUNT, { appsecret: appSecret }, clock.now());
    const form = (values: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(values)) data.append(name, value);
      return data;
    };
    const sign = await (await sandbox.fetch(`${sandbox.url}/jimp/sign/createsign.do`, { method: 'POST', body: form(fields) })).text();
    const outer = await (await sandbox.fetch(`${sandbox.url}/interface/gateway.do`, { method: 'POST', body: form({ ...fields, sign }) })).json();
    expect(outer).toMatchObject({ code: 200 });
    expect(JSON.parse(outer.data)).toEqual({ status: 1, msg: '成功', data: 3000 });
  });

  it('refuses a sign reused for another page, interface, version or timestamp with code 401 签名错误', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const fields = callFields(FOOD_DATA, page(1), clock.now());
    const sign = await createSign(sandbox, fields);
    expect((await callGateway(sandbox, { ...fields, sign })).code).toBe(200);
    const others = [
      { biz_content: JSON.stringify(page(2)) },
      { interface_id: FOOD_COUNT },
      { version: '1.0' },
      { origin: '1' },
      { timestamp: String(clock.now() + 1) },
    ];
    for (const other of others) {
      expect(await callGateway(sandbox, { ...fields, ...other, sign })).toEqual({ code: 401, msg: '签名错误', data: null });
    }
  });

  it('refuses a sign made with a wrong secret, and a sign of another sandbox whose app secret differs', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const fields = callFields(FOOD_DATA, page(1), clock.now());
    expect(await callGateway(sandbox, { ...fields, sign: expectedSign(fields, 'not-the-secret') })).toEqual({ code: 401, msg: '签名错误', data: null });
    expect(await callGateway(sandbox, { ...fields, sign: expectedSign(fields, userSecret) })).toMatchObject({ code: 401 });

    const other = createSandbox({ seed: 3, clock: clock.clock, credentials: { appSecret: 'another-app-secret' } });
    const foreign = await createSign(other, fields);
    expect(foreign).toMatch(/^[0-9a-f]{64}$/);
    expect(await callGateway(sandbox, { ...fields, sign: foreign })).toMatchObject({ code: 401, msg: '签名错误' });
    expect((await callGateway(other, { ...fields, sign: foreign })).code).toBe(200);
  });

  it('accepts a sign until its timestamp is five minutes old, then answers 401 签名已过期', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const fields = callFields(FOOD_DATA, page(1), clock.now());
    const sign = await createSign(sandbox, fields);
    clock.advance(FIVE_MINUTES);
    expect((await callGateway(sandbox, { ...fields, sign })).code).toBe(200);
    clock.advance(1);
    expect(await callGateway(sandbox, { ...fields, sign })).toEqual({ code: 401, msg: '签名已过期', data: null });
    // A fresh timestamp and sign work again.
    expect((await signAndCall(sandbox, FOOD_DATA, page(1), clock.now())).outer.code).toBe(200);
  });

  it('answers 401 时间戳超出允许范围 for a timestamp too far ahead of the clock, and honours a configured sign lifetime', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock, tokenLifetimes: { sign: 1000 } });
    const fields = callFields(FOOD_DATA, page(1), clock.now() + 1000);
    const sign = await createSign(sandbox, fields);
    expect(sign).toBe(expectedSign(fields));
    clock.advance(-1);
    expect(await callGateway(sandbox, { ...fields, sign })).toEqual({ code: 401, msg: '时间戳超出允许范围', data: null });
    clock.advance(2001);
    expect((await callGateway(sandbox, { ...fields, sign })).code).toBe(200);
    clock.advance(1);
    expect((await callGateway(sandbox, { ...fields, sign })).msg).toBe('签名已过期');
    expect(await createSign(sandbox, fields)).toBe('');
  });

  it.each([
    ['app_id', { app_id: '' }, 400, '缺少参数app_id'],
    ['interface_id', { interface_id: '' }, 400, '缺少参数interface_id'],
    ['timestamp', { timestamp: '' }, 400, '缺少参数timestamp'],
    ['biz_content', { biz_content: '' }, 400, '缺少参数biz_content'],
    ['sign', { sign: '' }, 400, '缺少参数sign'],
    ['a malformed timestamp', { timestamp: 'now' }, 400, '参数timestamp格式错误'],
    ['an unknown app', { app_id: 'someone-else' }, 403, '应用不存在或已停用'],
  ])('answers a call without %s with an outer failure', async (_case, overrides, code, msg) => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    const fields = callFields(FOOD_DATA, page(1), clock.now());
    const signed = { ...fields, sign: await createSign(sandbox, fields), ...overrides };
    expect(await callGateway(sandbox, signed)).toEqual({ code, msg, data: null });
  });

  it('answers a correctly signed call to an unknown interface with 404 接口不存在, and a biz_content that is not a JSON object with 400', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 3, clock: clock.clock });
    for (const interfaceId of ['jhcata11239getdata', 'NBCATA10486GETDATA', 'get_data']) {
      const fields = callFields(interfaceId, page(1), clock.now());
      expect(await callGateway(sandbox, { ...fields, sign: await createSign(sandbox, fields) })).toEqual({ code: 404, msg: '接口不存在', data: null });
    }
    for (const bizContent of ['pageNum=1', '[1,2]', '"text"']) {
      const fields = callFields(FOOD_DATA, {}, clock.now(), { biz_content: bizContent });
      expect(await callGateway(sandbox, { ...fields, sign: await createSign(sandbox, fields) })).toEqual({ code: 400, msg: '参数biz_content格式错误', data: null });
    }
  });

  it('answers a method other than GET and POST with 405, and a param field that is not a JSON object with 400', async () => {
    const sandbox = createSandbox({ seed: 3 });
    expect(await (await sandbox.fetch(`${sandbox.url}/interface/gateway.do`, { method: 'DELETE' })).json()).toEqual({ code: 405, msg: '请求方式不支持', data: null });
    expect(await (await sandbox.fetch(`${sandbox.url}/interface/gateway.do?param=${encodeURIComponent('[]')}`)).json()).toEqual({ code: 400, msg: '参数param格式错误', data: null });
  });

  it('exposes the app id and secrets to use, and takes others', async () => {
    const sandbox = createSandbox({ seed: 3 });
    expect(sandbox.credentials).toMatchObject({ appId, appSecret, userSecret });
    expect(appId).toBe('kaifang-sandbox');
    expect(userSecret).toBe('kaifang-sandbox-user-secret');
    const clock = movableClock();
    const custom = createSandbox({ seed: 3, clock: clock.clock, credentials: { appId: 'zjapp01', userSecret: 'u-secret' } });
    expect(custom.credentials).toMatchObject({ appId: 'zjapp01', userSecret: 'u-secret', appSecret });
    const fields = callFields(FOOD_COUNT, { appsecret: appSecret }, clock.now());
    expect(await createSign(custom, fields)).toBe('');
    const own = { ...fields, app_id: 'zjapp01' };
    expect((await callGateway(custom, { ...own, sign: await createSign(custom, own) })).code).toBe(200);
  });
});
