import { createHash, createHmac } from 'node:crypto';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, defaultSandboxCredentials, type ListeningSandbox, type Sandbox } from '../../src/sandbox/index.js';

// Every route and error answer of both flavors, asked three ways: in-process, over a loopback
// server, and behind msw. The answers must be identical (the origin aside, which CKAN resource
// URLs carry) — one handler, three transports.

const { appSecret, appKey, apiToken } = defaultSandboxCredentials;
const clock = () => new Date('2026-11-26T08:00:00Z');
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const time = String(clock().getTime());
// A data gateway call (section A2) and its sign, computed as the sandbox documents it.
const gatewayFields = { app_id: defaultSandboxCredentials.appId, biz_content: JSON.stringify({ appsecret: appSecret }), charset: 'utf-8', interface_id: 'nbcata10486gettotal', origin: '0', timestamp: time, version: '1.0.0' };
const gatewaySign = createHmac('sha256', appSecret).update(Object.entries(gatewayFields).map(([name, value]) => `${name}=${value}`).join('&')).digest('hex');
const gatewayForm = (fields: Record<string, string>): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

interface Case {
  readonly name: string;
  readonly path: string;
  readonly init?: RequestInit;
  readonly status: number;
  readonly check?: (body: string) => void;
}

const zhejiangCases: Case[] = [
  { name: 'get_data', path: `/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?appsecret=${appSecret}&pageNum=2&pageSize=5`, status: 200, check: (body) => expect(JSON.parse(body).data).toHaveLength(5) },
  { name: 'get_total', path: `/jdop_front/interfaces/cata_hz-parking-lots/get_total.do?appsecret=${appSecret}`, status: 200, check: (body) => expect(JSON.parse(body).data).toBe(3128) },
  { name: 'get_dataupdate_date', path: `/jdop_front/interfaces/cata_nb-food-licenses/get_dataupdate_date.do?appsecret=${appSecret}`, status: 200 },
  { name: 'POST get_data', path: '/jdop_front/interfaces/cata_nb-food-licenses/get_data.do', init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `appsecret=${appSecret}&pageSize=3` }, status: 200, check: (body) => expect(JSON.parse(body).data).toHaveLength(3) },
  { name: 'pageSize 201', path: `/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?appsecret=${appSecret}&pageSize=201`, status: 200, check: (body) => expect(JSON.parse(body)).toMatchObject({ status: 0, data: null }) },
  { name: 'pageSize abc', path: `/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?appsecret=${appSecret}&pageSize=abc`, status: 200, check: (body) => expect(JSON.parse(body).status).toBe(0) },
  { name: 'missing appsecret', path: '/jdop_front/interfaces/cata_hz-parking-lots/get_total.do', status: 200, check: (body) => expect(JSON.parse(body).msg).toBe('appsecret不能为空') },
  { name: 'wrong appsecret', path: '/jdop_front/interfaces/cata_hz-parking-lots/get_total.do?appsecret=wrong', status: 200, check: (body) => expect(JSON.parse(body).msg).toBe('appsecret无效') },
  { name: 'unknown dataset', path: `/jdop_front/interfaces/cata_nope/get_total.do?appsecret=${appSecret}`, status: 200, check: (body) => expect(JSON.parse(body).msg).toBe('目录不存在') },
  { name: 'restricted', path: `/jdop_front/interfaces/cata_zj-medical-practitioners/get_data.do?appsecret=${appSecret}`, status: 200, check: (body) => expect(JSON.parse(body).msg).toBe('未授权') },
  { name: 'catalogue search', path: `/dopServer/rest/catalog/search?keyword=${encodeURIComponent('许可')}&pageNum=1&pageSize=10`, status: 200, check: (body) => expect(JSON.parse(body).data.total).toBeGreaterThan(0) },
  { name: 'catalogue entry', path: '/dopServer/rest/catalog/zj-medical-practitioners', status: 200, check: (body) => expect(JSON.parse(body).data.gateway.apiId).toBe('practitionerVerify') },
  { name: 'token by key', path: `/gateway/app/refreshTokenByKey.htm?appKey=${appKey}&requestTime=${time}&sign=${md5(appKey + appSecret + time)}`, status: 200, check: (body) => expect(JSON.parse(body).code).toBe('00') },
  { name: 'bad signature', path: `/gateway/app/refreshTokenByKey.htm?appKey=${appKey}&requestTime=${time}&sign=${md5('wrong')}`, status: 200, check: (body) => expect(JSON.parse(body).code).toBe('14') },
  { name: 'missing requestTime', path: `/gateway/app/refreshTokenByKey.htm?appKey=${appKey}&sign=x`, status: 200, check: (body) => expect(JSON.parse(body).code).toBe('97') },
  { name: 'createsign', path: '/jimp/sign/createsign.do', init: gatewayForm(gatewayFields), status: 200, check: (body) => expect(body).toBe(gatewaySign) },
  { name: 'createsign refused', path: '/jimp/sign/createsign.do', init: gatewayForm({ ...gatewayFields, app_id: 'nope' }), status: 200, check: (body) => expect(body).toBe('') },
  { name: 'gateway.do', path: '/interface/gateway.do', init: gatewayForm({ ...gatewayFields, sign: gatewaySign }), status: 200, check: (body) => expect(JSON.parse(JSON.parse(body).data)).toEqual({ status: 1, msg: '成功', data: 3000 }) },
  { name: 'gateway.do bad sign', path: '/interface/gateway.do', init: gatewayForm({ ...gatewayFields, sign: gatewaySign.replace(/^./, (c) => (c === '0' ? '1' : '0')) }), status: 200, check: (body) => expect(JSON.parse(body)).toEqual({ code: 401, msg: '签名错误', data: null }) },
  { name: 'unknown path', path: '/no/such/page', status: 404 },
];

const ckanCases: Case[] = [
  { name: 'package_search', path: '/api/3/action/package_search?q=*:*&rows=3&sort=id%20asc', status: 200, check: (body) => expect(JSON.parse(body).result.results).toHaveLength(3) },
  { name: 'package_show', path: '/api/3/action/package_show?id=nb-food-licenses', status: 200 },
  { name: 'resource_show', path: '/api/3/action/resource_show?id=nb-food-licenses', status: 404 },
  { name: 'datastore_search', path: `/api/3/action/datastore_search?resource_id=nb-food-licenses&limit=4&filters=${encodeURIComponent('{"status":"有效"}')}`, status: 200, check: (body) => expect(JSON.parse(body).result.records).toHaveLength(4) },
  { name: 'datastore_search next_page', path: '/api/3/action/datastore_search?resource_id=hz-parking-lots&limit=2&sort=_id', status: 200, check: (body) => expect(JSON.parse(body).result._links.next_page).toContain('after=2') },
  { name: 'malformed filters', path: '/api/3/action/datastore_search?resource_id=nb-food-licenses&filters=%7Bnope', status: 409 },
  { name: 'unknown action', path: '/api/3/action/no_such_action', status: 400 },
  { name: 'missing id', path: '/api/3/action/package_show', status: 409 },
  { name: 'private without token', path: '/api/3/action/package_show?id=zj-medical-practitioners', status: 403 },
  { name: 'private with token', path: '/api/3/action/package_show?id=zj-medical-practitioners', init: { headers: { authorization: apiToken } }, status: 200 },
  { name: 'unknown dataset', path: '/api/3/action/package_show?id=nope', status: 404 },
];

const sandboxes = {
  zhejiang: createSandbox({ flavor: 'zhejiang', seed: 4, clock }),
  ckan: createSandbox({ flavor: 'ckan', seed: 4, clock }),
};
const servers: Partial<Record<keyof typeof sandboxes, ListeningSandbox>> = {};
const msw = setupServer(
  http.all('https://zhejiang.example/*', ({ request }) => sandboxes.zhejiang.handler(request)),
  http.all('https://ckan.example/*', ({ request }) => sandboxes.ckan.handler(request)),
);

beforeAll(async () => {
  // The loopback server is reached through the real network stack; anything else unhandled is an error.
  msw.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  });
  servers.zhejiang = await sandboxes.zhejiang.listen();
  servers.ckan = await sandboxes.ckan.listen();
});
afterAll(async () => {
  msw.close();
  await servers.zhejiang?.close();
  await servers.ckan?.close();
});

async function answer(call: () => Promise<Response>, origin: string): Promise<{ status: number; type: string; body: string }> {
  const response = await call();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: (await response.text()).replaceAll(origin, 'ORIGIN'),
  };
}

function routeTests(flavor: keyof typeof sandboxes, cases: Case[]) {
  const sandbox: Sandbox = sandboxes[flavor];
  for (const testCase of cases) {
    it(`answers ${flavor} ${testCase.name} identically in-process, over loopback and behind msw`, async () => {
      const inProcess = await answer(() => sandbox.fetch(sandbox.url + testCase.path, testCase.init), sandbox.url);
      const loopback = await answer(() => fetch(servers[flavor]!.url + testCase.path, testCase.init), servers[flavor]!.url);
      const mocked = await answer(() => fetch(`https://${flavor}.example${testCase.path}`, testCase.init), `https://${flavor}.example`);
      expect(inProcess.status).toBe(testCase.status);
      expect(loopback.status).toBe(testCase.status);
      expect(mocked.status).toBe(testCase.status);
      expect(loopback.type).toBe(inProcess.type);
      expect(mocked.type).toBe(inProcess.type);
      if (testCase.name !== 'token by key') {
        expect(loopback.body).toBe(inProcess.body);
        expect(mocked.body).toBe(inProcess.body);
      }
      testCase.check?.(inProcess.body);
      testCase.check?.(loopback.body);
      testCase.check?.(mocked.body);
    });
  }
}

describe('every route on every transport', () => {
  routeTests('zhejiang', zhejiangCases);
  routeTests('ckan', ckanCases);
});
