import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  AuthError,
  createClient,
  NotFoundError,
  PagingError,
  PortalError,
  portals,
  ResponseFormatError,
  ResponseTooLargeError,
  UnsupportedError,
} from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { useMswServer } from '../http/msw-server.js';
import { sandboxClient } from './sandbox-client.js';

const server = useMswServer();
const BASE = 'https://portal.test';
const zhejiang = () => createClient({ portal: portals.zhejiang({ baseUrl: BASE, appSecret: 'app-secret-1' }), retry: false, cache: false, maxResponseBytes: 2_000 });
const ckan = () => createClient({ portal: portals.ckan({ baseUrl: BASE, token: 'ckan-token-1' }), retry: false, cache: false });

/** Serves `body` as JSON text at `path`, counting requests. */
/** The catalogue answer the open-class check reads first: an unconditional dataset. */
function serveOpenEntry(family: 'zhejiang' | 'ckan', id: string) {
  if (family === 'zhejiang') serve(`/dopServer/rest/catalog/${id}`, { status: 1, msg: 'ok', data: { cataId: id, title: id, openType: 1 } });
  else serve('/api/3/action/package_show', { success: true, result: { id, name: id, private: false, resources: [] } });
}

function serve(path: string, body: string | object, init: ResponseInit = {}) {
  const counter = { count: 0 };
  server.use(
    http.get(`${BASE}${path}`, () => {
      counter.count++;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return new HttpResponse(text, { status: 200, headers: { 'content-type': 'application/json' }, ...init });
    }),
  );
  return counter;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail');
  return outcome;
}

describe('answers that are not the portal\'s API', () => {
  it('an HTML page with status 200 is a ResponseFormatError', async () => {
    const hits = serve('/dopServer/rest/catalog/a', '<html><body>访问被拒绝</body></html>', { headers: { 'content-type': 'text/html' } });
    const error = await failure(zhejiang().datasets.get('a'));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toBe(`GET ${BASE}/dopServer/rest/catalog/a → expected JSON, got an HTML page`);
    expect(hits.count).toBe(1);
  });

  it('truncated JSON is a ResponseFormatError', async () => {
    serve('/dopServer/rest/catalog/b', '{"status":1,"msg":"ok","data":{"cataId":"b"');
    const error = await failure(zhejiang().datasets.get('b'));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toBe(`GET ${BASE}/dopServer/rest/catalog/b → expected JSON, got a truncated or malformed body`);
  });

  it('a drifted zhejiang envelope is a ResponseFormatError carrying the zod issues', async () => {
    serveOpenEntry('zhejiang', 'c');
    serve('/jdop_front/interfaces/cata_c/get_data.do', { status: 1, msg: 'ok', rows: [{ A: '1' }] });
    const error = await failure(zhejiang().datasets.records('c', { limit: 1 }).toArray());
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toContain('Not a zhejiang open-data answer (expected {status, msg, data})');
    expect((error as ResponseFormatError & { issues: unknown[] }).issues.length).toBeGreaterThan(0);
  });

  it('a page with a row that is not an object is a ResponseFormatError naming the row', async () => {
    serveOpenEntry('zhejiang', 'rows-bad');
    serve('/jdop_front/interfaces/cata_rows-bad/get_data.do', { status: 1, msg: 'ok', data: [{ A: '1' }, { A: '2' }, 'A=3', { A: '4' }] });
    const error = await failure(zhejiang().datasets.records('rows-bad', { limit: 4 }).toArray());
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toContain('The zhejiang answer\'s `data` has an unexpected shape');
    expect((error as ResponseFormatError).issues).toEqual([expect.objectContaining({ code: 'custom', path: [2], message: 'Expected a row object' })]);
  });

  it('a page whose rows are not an array is a ResponseFormatError', async () => {
    serveOpenEntry('zhejiang', 'rows-object');
    serve('/jdop_front/interfaces/cata_rows-object/get_data.do', { status: 1, msg: 'ok', data: { A: '1' } });
    const error = await failure(zhejiang().datasets.records('rows-object', { limit: 4 }).toArray());
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).issues).toEqual([expect.objectContaining({ code: 'custom', path: [], message: 'Expected an array of rows' })]);
  });

  it('a drifted CKAN envelope is a ResponseFormatError', async () => {
    serve('/api/3/action/package_show', { success: true, results: {} });
    const error = await failure(ckan().datasets.get('d'));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toContain('Not a CKAN action answer (expected {success, result})');
  });

  it('CKAN success: false is a PortalError with CKAN\'s own message', async () => {
    serve('/api/3/action/package_show', { success: false, error: { __type: 'Validation Error', id: ['Missing value'] } });
    const error = await failure(ckan().datasets.get('e'));
    expect(error).toBeInstanceOf(PortalError);
    expect(error.message).toBe(`GET ${BASE}/api/3/action/package_show?id=e → portal error Validation Error: Validation Error: id: Missing value`);
  });

  it('zhejiang status: 0 is a PortalError with the portal\'s message', async () => {
    serve('/dopServer/rest/catalog/f', { status: 0, msg: '系统繁忙', data: null });
    const error = await failure(zhejiang().datasets.get('f'));
    expect(error).toBeInstanceOf(PortalError);
    expect(error.message).toBe(`GET ${BASE}/dopServer/rest/catalog/f → portal error 0: 系统繁忙`);
  });

  it('a body larger than maxResponseBytes is a ResponseTooLargeError', async () => {
    serve('/dopServer/rest/catalog/g', { status: 1, msg: 'ok', data: { cataId: 'g', title: 'x'.repeat(5_000) } });
    const error = await failure(zhejiang().datasets.get('g'));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toBe(`GET ${BASE}/dopServer/rest/catalog/g → response body exceeds 2000 bytes`);
  });
});

describe('hostile keys in rows', () => {
  const row = '{"__proto__":{"polluted":true},"constructor":"宁波","prototype":{"x":1},"A":"1"}';

  it('drops __proto__ and keeps constructor as data on zhejiang', async () => {
    serveOpenEntry('zhejiang', 'h');
    serve('/jdop_front/interfaces/cata_h/get_data.do', `{"status":1,"msg":"ok","data":[${row}]}`);
    const [first] = await zhejiang().datasets.records('h', { limit: 1 }).toArray();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(first?.['constructor']).toBe('宁波');
    expect(first?.['A']).toBe('1');
    expect(Object.hasOwn(first ?? {}, '__proto__')).toBe(false);
  });

  it('drops __proto__ even inside data encoded as a string', async () => {
    serveOpenEntry('zhejiang', 'i');
    serve('/jdop_front/interfaces/cata_i/get_data.do', { status: 1, msg: 'ok', data: `[${row}]` });
    const [first] = await zhejiang().datasets.records('i', { limit: 1 }).toArray();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(first?.['constructor']).toBe('宁波');
  });

  it('drops __proto__ and keeps constructor as data on ckan', async () => {
    serveOpenEntry('ckan', 'j');
    serve('/api/3/action/datastore_search', `{"success":true,"result":{"fields":[],"records":[${row}],"total":1}}`);
    const [first] = await ckan().datasets.records('j', { resource: 'r1', limit: 1 }).toArray();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(first?.['constructor']).toBe('宁波');
  });
});

describe('arguments refused before any request', () => {
  const { client, requests } = sandboxClient({ flavor: 'ckan' });

  it.each(['a/b', '..', '.', 'x?y=1', 'x#y', '', 'a\\b'])('refuses the id %j', async (id) => {
    expect(() => client.datasets.get(id)).toThrow(ArgumentError);
    expect(() => client.datasets.get(id)).toThrow(/The dataset id/);
    expect(() => client.datasets.records(id)).toThrow(ArgumentError);
    expect(() => client.datasets.version(id)).toThrow(ArgumentError);
    expect(requests.count()).toBe(0);
  });

  it.each([0, -1, 1.5])('refuses pageSize %s', (pageSize) => {
    expect(() => client.datasets.records('nb-food-licenses', { pageSize })).toThrow(ArgumentError);
    expect(() => client.datasets.records('nb-food-licenses', { pageSize })).toThrow(`pageSize must be a positive whole number, got ${pageSize}`);
    expect(requests.count()).toBe(0);
  });

  it.each([-1, 2.5])('refuses limit %s', (limit) => {
    expect(() => client.datasets.records('nb-food-licenses', { limit })).toThrow(`limit must be a whole number ≥ 0, got ${limit}`);
  });

  it('refuses concurrency 0', () => {
    expect(() => client.datasets.records('nb-food-licenses', { concurrency: 0 })).toThrow('concurrency must be a positive whole number, got 0');
  });

  it('limit: 0 yields nothing and sends nothing', async () => {
    expect(await client.datasets.records('nb-food-licenses', { limit: 0 }).toArray()).toEqual([]);
    expect(requests.count()).toBe(0);
  });

  it('a lookup on a ckan portal is an UnsupportedError before any request', async () => {
    const error = await failure(client.datasets.lookup('nb-food-licenses', { certNo: '1' }));
    expect(error).toBeInstanceOf(UnsupportedError);
    expect(error.message).toBe("ckan portals have no results-only interfaces: read nb-food-licenses's records instead");
    expect(requests.count()).toBe(0);
  });

  it('a lookup on a zhejiang dataset without a gateway interface is an UnsupportedError', async () => {
    const zj = sandboxClient({ flavor: 'zhejiang' });
    const error = await failure(zj.client.datasets.lookup('nb-food-licenses', { certNo: '1' }));
    expect(error).toBeInstanceOf(UnsupportedError);
    expect(error.message).toBe('nb-food-licenses names no gateway interface in the catalogue: read its records instead');
  });

  it('refuses a resource id that is a path', () => {
    expect(() => client.datasets.records('nb-food-licenses', { resource: '../x' })).toThrow(ArgumentError);
    expect(requests.count()).toBe(0);
  });
});

describe('refusals by the portal', () => {
  it('a wrong app secret is an AuthError', async () => {
    const sandbox = createSandbox({ extraDatasets: 0 });
    const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: 'wrong-secret' }), fetch: sandbox.fetch });
    const error = await failure(client.datasets.records('nb-food-licenses', { limit: 1 }).toArray());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('The portal refused the app secret (appsecret无效): check appSecret');
  });

  it('a restricted dataset without approval is an AuthError pointing to the data-use application', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang' });
    const error = await failure(client.datasets.records('zj-medical-practitioners', { limit: 1 }).toArray());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('Not authorised for zj-medical-practitioners (未授权)');
    expect(error.message).toContain('data-use application');
  });

  it('a private ckan dataset without the token is an AuthError', async () => {
    const { client } = sandboxClient({ flavor: 'ckan' });
    const error = await failure(client.datasets.get('zj-medical-practitioners'));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/^GET http:\/\/sandbox\.kaifang\.test\/api\/3\/action\/package_show\?id=zj-medical-practitioners → 403 Forbidden: Access denied: User not authorized to read package /);
  });

  it.each(['zhejiang', 'ckan'] as const)('an unknown dataset is a NotFoundError on %s', async (flavor) => {
    const { client } = sandboxClient({ flavor });
    const error = await failure(client.datasets.get('no-such-dataset'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(
      flavor === 'ckan'
        ? 'GET http://sandbox.kaifang.test/api/3/action/package_show?id=no-such-dataset → 404 Not Found: Not found'
        : 'GET http://sandbox.kaifang.test/dopServer/rest/catalog/no-such-dataset → Not found: no-such-dataset (目录不存在)',
    );
  });

  it('unknown dataset records are a NotFoundError on zhejiang', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang' });
    const error = await failure(client.datasets.records('no-such-dataset').toArray());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('Not found: no-such-dataset (目录不存在)');
  });
});

describe('a page shorter than asked in the middle of a dataset', () => {
  it('stops the read with a PagingError after asking once more', async () => {
    const sandbox = createSandbox({ extraDatasets: 0, sizes: { 'nb-food-licenses': 450 } });
    const pageTwo = { count: 0 };
    server.use(
      http.all('*', async ({ request }) => {
        const url = new URL(request.url);
        const response = await sandbox.handler(request);
        if (!url.pathname.endsWith('get_data.do') || url.searchParams.get('pageNum') !== '2') return response;
        pageTwo.count++;
        const body = (await response.json()) as { data: unknown[] };
        return HttpResponse.json({ ...body, data: body.data.slice(0, 150) });
      }),
    );
    const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }), retry: false });
    const rows: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const row of client.datasets.records('nb-food-licenses', { concurrency: 1 })) rows.push(row);
      })(),
    );
    expect(error).toBeInstanceOf(PagingError);
    expect(error.message).toBe('Page 2 of 3 returned 150 rows instead of 200: the dataset changed or the portal dropped rows while paging');
    expect(rows).toHaveLength(200);
    expect(pageTwo.count).toBe(2);
  });
});
