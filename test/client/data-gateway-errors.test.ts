import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  KaifangError,
  PagingError,
  PortalError,
  RateLimitError,
  ResponseFormatError,
  type TransportHooks,
} from '../../src/index.js';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { useMswServer } from '../http/msw-server.js';
import { gatewayHarness, type GatewayHarness, type GatewayHarnessOptions, type SentRequest } from './data-gateway-harness.js';

const server = useMswServer();

const APP_SECRET = 'zjA2AppSecret7f3a9c1e5b';
const USER_SECRET = 'zjA2UserSecret2d8e4b6a0c';
const FOOD = 'nb-food-licenses';
const PARKING = 'hz-parking-lots';
const SIZES = { [FOOD]: 230, 'nb-business-licenses': 230, [PARKING]: 230 };

interface Setup extends GatewayHarness {
  /** Every hook event, serialised. */
  readonly events: string[];
}

/** A sandbox served through msw with the secrets above, and a client whose hooks record every event. */
function setup(options: Omit<GatewayHarnessOptions, 'msw'> & { sandboxOptions?: SandboxOptions } = {}): Setup {
  const events: string[] = [];
  const record = (kind: string) => (event: object) => {
    const error = (event as { error?: Error }).error;
    events.push(`${kind} ${JSON.stringify(event)} ${error ? `${error.message} ${error.stack ?? ''}` : ''}`);
  };
  const hooks: TransportHooks = { onRequest: record('request'), onResponse: record('response'), onRetry: record('retry'), onCacheHit: record('cache') };
  const harness = gatewayHarness({
    ...options,
    msw: server,
    sandbox: { sizes: SIZES, credentials: { appSecret: APP_SECRET, userSecret: USER_SECRET }, ...options.sandboxOptions, ...options.sandbox },
    client: { hooks, ...options.client },
  });
  return { ...harness, events };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail');
  return outcome;
}

/** Asserts that neither secret nor any sign handed out appears in the error (message, stack, JSON, cause) or in any hook event. */
function expectNoSecrets(error: Error, harness: Setup): void {
  expect(error).toBeInstanceOf(KaifangError);
  const cause = error.cause instanceof Error ? `${error.cause.message} ${error.cause.stack ?? ''}` : String(error.cause ?? '');
  const haystack = [error.message, error.stack ?? '', JSON.stringify(error), cause, ...harness.events].join('\n');
  for (const secret of [APP_SECRET, USER_SECRET, ...harness.signs]) expect(haystack).not.toContain(secret);
  expect(harness.events.length).toBeGreaterThan(0);
}

const isGateway = (request: SentRequest, role?: string) => request.path === 'gateway.do' && (role === undefined || request.fields['interface_id'] === role);
const fivePages = (harness: Setup, id = FOOD) => harness.client.datasets.records(id, { pageSize: 100 }).toArray();
const firstRows = (harness: Setup, id = FOOD) => harness.client.datasets.records(id, { limit: 5 }).toArray();

/** The sandbox's answer with its business answer replaced. */
async function withBusinessAnswer(sandboxAnswer: () => Promise<Response>, rewrite: (inner: any) => unknown): Promise<Response> {
  const outer = (await (await sandboxAnswer()).json()) as { code: number; msg: string; data: string };
  return HttpResponse.json({ ...outer, data: JSON.stringify(rewrite(JSON.parse(outer.data))) });
}

describe('signs the data gateway refuses', () => {
  it('signs afresh once when gateway.do says the sign expired, and reads on', async () => {
    let skew = 0;
    let expire = 1;
    const harness = setup({
      sandbox: { clock: () => new Date(Date.now() + skew) },
      intercept: async (request, sandboxAnswer) => {
        if (!isGateway(request) || expire === 0) return undefined;
        expire--;
        skew = 6 * 60_000;
        try {
          return await sandboxAnswer();
        } finally {
          skew = 0;
        }
      },
    });
    expect(await firstRows(harness)).toHaveLength(5);
    expect([harness.count('createsign.do'), harness.count('gateway.do')]).toEqual([2, 2]);
    const [first, second] = harness.sent.filter((request) => isGateway(request));
    expect(second?.fields['sign']).not.toBe(first?.fields['sign']);
    expect(Number(second?.fields['timestamp'])).toBeGreaterThanOrEqual(Number(first?.fields['timestamp']));
  });

  it('gives up with an AuthError when the fresh sign is refused too', async () => {
    let skew = 0;
    const harness = setup({
      sandbox: { clock: () => new Date(Date.now() + skew) },
      intercept: async (request, sandboxAnswer) => {
        if (!isGateway(request)) return undefined;
        skew = 6 * 60_000;
        try {
          return await sandboxAnswer();
        } finally {
          skew = 0;
        }
      },
    });
    const error = await failure(firstRows(harness));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('签名已过期');
    expect([harness.count('createsign.do'), harness.count('gateway.do')]).toEqual([2, 2]);
    expectNoSecrets(error, harness);
  });

  it.each([
    ['签名错误', '签名错误 sign=%s'],
    ['时间戳超出允许范围', '时间戳超出允许范围'],
  ])('treats a %s complaint as a sign complaint, even one that echoes the sign', async (words, template) => {
    const harness = setup({
      intercept: (request) => (isGateway(request) ? HttpResponse.json({ code: 401, msg: template.replace('%s', request.fields['sign'] ?? ''), data: null }) : undefined),
    });
    const error = await failure(firstRows(harness));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain(words);
    expect([harness.count('createsign.do'), harness.count('gateway.do')]).toEqual([2, 2]);
    expectNoSecrets(error, harness);
  });

  it('gives up with an AuthError when createsign.do answers nothing twice (an app id it does not know)', async () => {
    const harness = setup({ portal: { appId: 'not-our-app' } });
    const error = await failure(firstRows(harness));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('createsign.do refused to sign a call of nbcata10486getdata (empty answer)');
    expect([harness.count('createsign.do'), harness.count('gateway.do')]).toEqual([2, 0]);
    expectNoSecrets(error, harness);
  });

  it('is a ResponseFormatError when createsign.do answers an HTML page, after the client\'s retries', async () => {
    const harness = setup({
      intercept: (request) => (request.path === 'createsign.do' ? new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', { headers: { 'content-type': 'text/html' } }) : undefined),
    });
    const error = await failure(firstRows(harness));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toContain('createsign.do answered an HTML page instead of a sign for nbcata10486getdata');
    expect([harness.count('createsign.do'), harness.count('gateway.do')]).toEqual([4, 0]);
    expectNoSecrets(error, harness);
  });

  it('is a ResponseFormatError when createsign.do answers text that is not a sign, and never shows that text', async () => {
    const harness = setup({ intercept: (request) => (request.path === 'createsign.do' ? new HttpResponse(`error: ${APP_SECRET}`, { headers: { 'content-type': 'text/plain' } }) : undefined) });
    const error = await failure(firstRows(harness));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toContain('not a sign for nbcata10486getdata');
    expectNoSecrets(error, harness);
  });

  it('recovers from a sign answer broken once on the way', async () => {
    const harness = setup({ sandboxOptions: { faults: [{ match: '/jimp/sign/createsign.do', kind: 'truncate' }, { match: '/jimp/sign/createsign.do', kind: 'reset' }] } });
    expect(await firstRows(harness)).toHaveLength(5);
    expect([harness.count('createsign.do'), harness.count('gateway.do')]).toEqual([3, 1]);
  });
});

describe('outer failures of gateway.do', () => {
  it('is a RateLimitError on a quota complaint, not retried', async () => {
    const now = Date.now();
    const harness = setup({ sandbox: { clock: () => new Date(now), gatewayCallsPerSecond: 1 } });
    expect(await firstRows(harness)).toHaveLength(5);
    const error = await failure(firstRows(harness));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toContain('接口调用次数超过限制');
    expect([harness.count('createsign.do'), harness.count('gateway.do')]).toEqual([2, 2]);
    expectNoSecrets(error, harness);
  });

  it.each([
    ['with a message', { code: 404, msg: '接口不存在', data: null }, '404', '接口不存在'],
    ['without a message', { code: 500, data: null }, '500', '(no message)'],
    ['with a message that echoes the business parameters', { code: 400, msg: `参数biz_content格式错误: {"appsecret":"${APP_SECRET}","userSecret":"${USER_SECRET}"}`, data: null }, '400', undefined],
  ])('is a PortalError for another code %s, not retried', async (_what, answer, code, message) => {
    const harness = setup({ intercept: (request) => (isGateway(request) ? HttpResponse.json(answer) : undefined) });
    const error = await failure(firstRows(harness));
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).portalCode).toBe(code);
    if (message !== undefined) expect((error as PortalError).portalMessage).toBe(message);
    expect(harness.count('gateway.do')).toBe(1);
    expectNoSecrets(error, harness);
  });

  it('is a ResponseFormatError when the envelope drifted or is not JSON, after the client\'s retries', async () => {
    for (const answer of [HttpResponse.json({ code: 200, msg: '成功', dataList: '{}' }), HttpResponse.json({ status: 'ok' }), new HttpResponse('{"code": 200, "da', { headers: { 'content-type': 'application/json' } })]) {
      const harness = setup({ intercept: (request) => (isGateway(request) ? answer.clone() : undefined) });
      const error = await failure(firstRows(harness));
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect(harness.count('gateway.do')).toBe(4);
      expectNoSecrets(error, harness);
    }
  });
});

describe('business answers kaifang refuses', () => {
  it('is an AuthError at once when the app secret is refused inside the answer (appsecret无效)', async () => {
    const harness = setup({ portal: { appSecret: 'zjWrongSecret9b1c3e5a7d' } });
    const error = await failure(firstRows(harness));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('appsecret无效');
    expect([harness.count('createsign.do'), harness.count('gateway.do')]).toEqual([1, 1]);
    expect(error.message).not.toContain('zjWrongSecret9b1c3e5a7d');
    expectNoSecrets(error, harness);
  });

  it.each([
    ['a status 0', { status: 0, msg: '系统繁忙', data: null }, PortalError, '系统繁忙'],
    ['a code other than "1"', { code: '0', msg: '查询失败', data: null }, PortalError, '查询失败'],
    ['success false', { success: false, message: '服务异常', total: 0, rows: null }, PortalError, '服务异常'],
    ['a quota inside', { status: 0, msg: '调用次数超过限制', data: null }, RateLimitError, '调用次数超过限制'],
  ])('is a typed error for %s, read before the payload, not retried', async (_what, inner, type, words) => {
    const harness = setup({ intercept: (request, sandboxAnswer) => (isGateway(request) ? withBusinessAnswer(sandboxAnswer, () => inner) : undefined) });
    const error = await failure(firstRows(harness));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toContain(words);
    expect(harness.count('gateway.do')).toBe(1);
    expectNoSecrets(error, harness);
  });

  it.each([
    ['broken JSON', '{"status": 1, "data": [', 'is not valid JSON', firstRows],
    ['JSON in no known style', JSON.stringify({ result: 'ok', list: [] }), 'none of the known styles', firstRows],
    ['rows that are not a list', JSON.stringify({ status: 1, msg: '成功', data: { list: [] } }), 'its rows are not a list', firstRows],
    ['a count that is not a number', JSON.stringify({ status: 1, msg: '成功', data: 'many' }), 'carries no row count', fivePages],
  ])('is a ResponseFormatError naming the interface for %s', async (_what, data, words, read) => {
    const harness = setup({
      client: { retry: false },
      intercept: async (request, sandboxAnswer) => {
        if (!isGateway(request)) return undefined;
        const outer = (await (await sandboxAnswer()).json()) as object;
        return HttpResponse.json({ ...outer, data });
      },
    });
    const error = await failure(read(harness));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toMatch(/nbcata10486get(total|data)/);
    expect(error.message).toContain(words);
    expectNoSecrets(error, harness);
  });

  it.each([
    ['missing (the first row holds values)', (rows: unknown[][]) => rows.slice(1).map((row) => row.map((cell, index) => (index === 0 ? 12 : cell))), 'header row is missing'],
    ['shorter than a data row', (rows: unknown[][]) => [rows[0]?.slice(0, 3), ...rows.slice(1)], 'the header row names 3 columns'],
    ['missing on a later page', (rows: unknown[][], pageNumber: string) => (pageNumber === '2' ? rows.slice(1) : rows), 'not the header row of its first page'],
  ])('is a ResponseFormatError when the header row of the rows style is %s', async (_what, rewrite, words) => {
    const harness = setup({
      client: { retry: false },
      intercept: (request, sandboxAnswer) =>
        isGateway(request) ? withBusinessAnswer(sandboxAnswer, (inner) => ({ ...inner, rows: rewrite(inner.rows, JSON.parse(request.fields['biz_content'] ?? '{}').pageNumber) })) : undefined,
    });
    const error = await failure(fivePages(harness, PARKING));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.message).toContain('331111zjhzTcBwK20200601093015482716SynReq');
    expect(error.message).toContain(words);
    expectNoSecrets(error, harness);
  });

  it('keeps the cells of a data row shorter than its header row out of its record', async () => {
    const harness = setup({
      intercept: (request, sandboxAnswer) => (isGateway(request) ? withBusinessAnswer(sandboxAnswer, (inner) => ({ ...inner, rows: [inner.rows[0], ...inner.rows.slice(1).map((row: unknown[]) => row.slice(0, 2))] })) : undefined),
    });
    const [row] = await firstRows(harness, PARKING);
    expect(Object.keys(row ?? {})).toEqual(['TCCBH', 'TCCMC']);
  });
});

describe('pages that do not add up', () => {
  it.each([
    ['more', 260],
    ['fewer', 200],
  ])('is a PagingError when the count interface tells %s rows than the pages hold', async (_what, told) => {
    const harness = setup({
      intercept: (request, sandboxAnswer) => (isGateway(request, 'nbcata10486gettotal') ? withBusinessAnswer(sandboxAnswer, (inner) => ({ ...inner, data: told })) : undefined),
    });
    const error = await failure(fivePages(harness));
    expect(error).toBeInstanceOf(PagingError);
    expect(error.message).toContain(`nbcata10486getdata counts ${told} rows`);
    expect(error.message).toContain('the count disagrees with the rows');
    expectNoSecrets(error, harness);
  });

  it('is a PagingError when a page carries another count than the first: the data changed while paging', async () => {
    const harness = setup({
      intercept: (request, sandboxAnswer) =>
        isGateway(request, 'biz02150417nbqydjxxfy') && JSON.parse(request.fields['biz_content'] ?? '{}').pageNum === '2'
          ? withBusinessAnswer(sandboxAnswer, (inner) => ({ ...inner, data: { ...inner.data, count: 231 } }))
          : undefined,
    });
    const error = await failure(fivePages(harness, 'nb-business-licenses'));
    expect(error).toBeInstanceOf(PagingError);
    expect(error.message).toContain('counted 230 rows, then 231 on page 2: the data changed while paging');
  });

  it('is a PagingError, not an endless read, when an interface ignores the page number', async () => {
    const harness = setup({ portal: { interfaces: { food: { data: 'nbcata10486getdata', params: ['appsecret', 'pageNumber', 'pageSize'] } } } });
    const error = await failure(harness.client.datasets.records('food', { pageSize: 100 }).toArray());
    expect(error).toBeInstanceOf(PagingError);
    expect(error.message).toContain('nbcata10486getdata sent the same rows for pages 1 and 2: it ignores the page number');
    expect(harness.count('gateway.do')).toBe(2);
    expectNoSecrets(error, harness);
  });

  it('is a PagingError when an interface ignores the page size', async () => {
    const harness = setup({ portal: { interfaces: { food: { data: 'nbcata10486getdata', params: ['appsecret', 'pageNum'] } } } });
    const error = await failure(harness.client.datasets.records('food', { pageSize: 5, limit: 12 }).toArray());
    expect(error).toBeInstanceOf(PagingError);
    expect(error.message).toContain('nbcata10486getdata sent 10 rows for a page of 5: it ignores the page size');
  });
});
