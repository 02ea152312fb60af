import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, KaifangError, portals, type Client, type TransportHooks } from '../../src/index.js';
import { createSandbox, type FaultScriptEntry, type Sandbox } from '../../src/sandbox/index.js';
import { useMswServer } from '../http/msw-server.js';

const server = useMswServer();

const APP_SECRET = 'zjAppSecret7f3a9c1e5b';
const WRONG_SECRET = 'zjWrongSecret2d8e4b6a0c';
const API_TOKEN = 'ckanToken5e1b7d3f9a';
const FOOD = 'nb-food-licenses';
const PRACTITIONERS = 'zj-medical-practitioners';

/** What a test may rewrite of a sandbox answer, by URL. */
type Rewrite = (url: URL, response: Response) => Promise<Response> | Response;

interface Harness {
  readonly sandbox: Sandbox;
  readonly client: Client;
  /** Everything the hooks saw, serialised. */
  readonly events: string[];
  /** Gateway secrets the portal issued during the test. */
  readonly issued: string[];
}

/**
 * A sandbox served through msw (so the client uses the global fetch), whose gateway secrets are
 * recorded as they are issued, and a client whose hooks record every event.
 */
function harness(flavor: 'zhejiang' | 'ckan', options: { faults?: FaultScriptEntry[]; rewrite?: Rewrite; appSecret?: string; token?: string; maxResponseBytes?: number; timeout?: number } = {}): Harness {
  const sandbox = createSandbox({
    flavor,
    extraDatasets: 0,
    sizes: { [FOOD]: 450, [PRACTITIONERS]: 50 },
    credentials: { appSecret: APP_SECRET, apiToken: API_TOKEN },
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const issued: string[] = [];
  server.use(
    http.all('*', async ({ request }) => {
      const url = new URL(request.url);
      // A slow answer rejects once the client gives up on it: the connection is gone either way.
      let response = await sandbox.handler(request).catch(() => HttpResponse.error());
      if (url.pathname.includes('refreshToken') && response.status === 200) {
        const body = (await response.clone().json().catch(() => ({}))) as { datas?: { refreshSecret?: string; requestSecret?: string } };
        if (body.datas?.refreshSecret) issued.push(body.datas.refreshSecret);
        if (body.datas?.requestSecret) issued.push(body.datas.requestSecret);
      }
      if (options.rewrite) response = await options.rewrite(url, response);
      return response;
    }),
  );
  const events: string[] = [];
  const record = (kind: string) => (event: object) => {
    const error = (event as { error?: Error }).error;
    events.push(`${kind} ${JSON.stringify(event)} ${error ? `${error.message} ${error.stack ?? ''}` : ''}`);
  };
  const hooks: TransportHooks = { onRequest: record('request'), onResponse: record('response'), onRetry: record('retry'), onCacheHit: record('cache') };
  const portal =
    flavor === 'ckan'
      ? portals.ckan({ baseUrl: sandbox.url, ...(options.token ? { token: options.token } : {}) })
      : portals.zhejiang({ baseUrl: sandbox.url, appSecret: options.appSecret ?? APP_SECRET, appKey: sandbox.credentials.appKey });
  const client = createClient({
    portal,
    hooks,
    retry: { retries: 1, minDelay: 1, maxDelay: 2 },
    ...(options.maxResponseBytes ? { maxResponseBytes: options.maxResponseBytes } : {}),
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  return { sandbox, client, events, issued };
}

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail');
  return outcome;
}

/** Asserts that no secret appears in the error's message, stack, JSON or cause, nor in any hook event. */
function expectNoSecrets(error: Error, setup: Harness, extra: readonly string[] = []): void {
  expect(error).toBeInstanceOf(KaifangError);
  const cause = error.cause instanceof Error ? `${error.cause.message} ${error.cause.stack ?? ''}` : String(error.cause ?? '');
  const haystack = [error.message, error.stack ?? '', JSON.stringify(error), cause, ...setup.events].join('\n');
  const secrets = [APP_SECRET, WRONG_SECRET, API_TOKEN, ...setup.issued, ...extra];
  for (const secret of secrets) expect(haystack).not.toContain(secret);
  expect(setup.events.length).toBeGreaterThan(0);
}

const pull = (client: Client, id = FOOD) => client.datasets.records(id, { pageSize: 200 }).toArray();
const ask = (client: Client) => client.datasets.lookup(PRACTITIONERS, { certNo: '999999999999999', name: '张三' });

describe('no secret in errors or hook events on zhejiang open-data interfaces', () => {
  it.each([
    ['an HTML page', 'html'],
    ['a truncated body', 'truncate'],
    ['a drifted envelope', 'drift'],
    ['a 503', 'unavailable'],
    ['a 429', 'rate-limit'],
    ['a connection reset', 'reset'],
  ] as const)('%s that never goes away', async (_, kind) => {
    const setup = harness('zhejiang', { faults: [{ match: 'get_data', kind, times: 10, retryAfter: 0 }] });
    expectNoSecrets(await failure(pull(setup.client)), setup);
  });

  it('a wrong app secret (AuthError)', async () => {
    const setup = harness('zhejiang', { appSecret: WRONG_SECRET });
    expectNoSecrets(await failure(pull(setup.client)), setup);
  });

  it('a restricted dataset without approval (AuthError)', async () => {
    const setup = harness('zhejiang');
    expectNoSecrets(await failure(pull(setup.client, PRACTITIONERS)), setup);
  });

  it('an unknown dataset (NotFoundError)', async () => {
    const setup = harness('zhejiang');
    expectNoSecrets(await failure(pull(setup.client, 'no-such-dataset')), setup);
  });

  it('a body over maxResponseBytes (ResponseTooLargeError)', async () => {
    const setup = harness('zhejiang', { maxResponseBytes: 5_000 });
    expectNoSecrets(await failure(pull(setup.client)), setup);
  });

  it('a timeout (TimeoutError)', async () => {
    const setup = harness('zhejiang', { faults: [{ match: 'get_data', kind: 'slow', delay: 2_000, times: 10 }], timeout: 20 });
    expectNoSecrets(await failure(pull(setup.client)), setup);
  });

  it('a status 0 answer (PortalError)', async () => {
    const setup = harness('zhejiang', { rewrite: (url, response) => (url.pathname.endsWith('get_data.do') ? HttpResponse.json({ status: 0, msg: '系统繁忙', data: null }) : response) });
    expectNoSecrets(await failure(pull(setup.client)), setup);
  });

  it('a short page in the middle (PagingError)', async () => {
    const setup = harness('zhejiang', {
      rewrite: async (url, response) => {
        if (!url.pathname.endsWith('get_data.do') || url.searchParams.get('pageNum') !== '1') return response;
        const body = (await response.json()) as { data: unknown[] };
        return HttpResponse.json({ ...body, data: body.data.slice(0, 10) });
      },
    });
    expectNoSecrets(await failure(pull(setup.client)), setup);
  });
});

describe('no secret in errors or hook events on the zhejiang gateway', () => {
  const verifyAnswer = (answer: object): Rewrite => (url, response) => (url.pathname.includes('practitionerVerify') ? HttpResponse.json(answer) : response);

  it.each([
    ['a refused signature (code 14)', { code: '14', msg: '签名错误', datas: null }],
    ['an exhausted quota (code 18)', { code: '18', msg: '调用次数超过限制', datas: null }],
    ['a data error (code 96)', { code: '96', msg: '数据错误', datas: null }],
  ])('%s', async (_, answer) => {
    const setup = harness('zhejiang', { rewrite: verifyAnswer(answer) });
    expectNoSecrets(await failure(ask(setup.client)), setup);
    expect(setup.issued.length).toBeGreaterThan(0);
  });

  it('a wrong app secret when fetching secrets', async () => {
    const setup = harness('zhejiang', { appSecret: WRONG_SECRET });
    expectNoSecrets(await failure(ask(setup.client)), setup);
  });

  it('an HTML page instead of the interface answer', async () => {
    const setup = harness('zhejiang', { faults: [{ match: 'practitionerVerify', kind: 'html', times: 10 }] });
    expectNoSecrets(await failure(ask(setup.client)), setup);
  });

  it('a drifted secrets answer, whose body holds the new secrets', async () => {
    const setup = harness('zhejiang', {
      rewrite: async (url, response) => {
        if (!url.pathname.includes('refreshTokenByKey')) return response;
        const { datas, ...rest } = (await response.json()) as { datas: unknown };
        return HttpResponse.json({ ...rest, result: datas });
      },
    });
    expectNoSecrets(await failure(ask(setup.client)), setup);
    expect(setup.issued.length).toBeGreaterThan(0);
  });

  it('a secrets answer of the wrong shape', async () => {
    const setup = harness('zhejiang', {
      rewrite: async (url, response) => {
        if (!url.pathname.includes('refreshTokenByKey')) return response;
        const body = (await response.json()) as { datas: Record<string, unknown> };
        return HttpResponse.json({ ...body, datas: { ...body.datas, requestSecretEndTime: 'soon' } });
      },
    });
    expectNoSecrets(await failure(ask(setup.client)), setup);
    expect(setup.issued.length).toBeGreaterThan(0);
  });

  it('a truncated secrets answer', async () => {
    const setup = harness('zhejiang', { faults: [{ match: 'refreshTokenByKey', kind: 'truncate', times: 10 }] });
    const error = await failure(ask(setup.client));
    // The truncated answers never reach the test intact: derive what the sandbox issued (md5 of seed, app key, counter).
    const { appKey } = setup.sandbox.credentials;
    const derived = [1, 2, 3].flatMap((n) => ['refresh', 'request'].map((kind) => md5(`kaifang-sandbox:${setup.sandbox.seed}:${appKey}:${n}:${kind}`)));
    expectNoSecrets(error, setup, derived);
  });
});

describe('no secret in errors or hook events on ckan', () => {
  it.each([
    ['an HTML page', 'html'],
    ['a truncated body', 'truncate'],
    ['a drifted envelope', 'drift'],
    ['a 503', 'unavailable'],
    ['a connection reset', 'reset'],
  ] as const)('%s', async (_, kind) => {
    const setup = harness('ckan', { token: API_TOKEN, faults: [{ match: 'datastore_search', kind, times: 10, retryAfter: 0 }] });
    expectNoSecrets(await failure(pull(setup.client)), setup);
  });

  it('a wrong token on a private dataset (AuthError)', async () => {
    const setup = harness('ckan', { token: WRONG_SECRET });
    expectNoSecrets(await failure(pull(setup.client, PRACTITIONERS)), setup);
  });

  it('an unknown dataset (NotFoundError)', async () => {
    const setup = harness('ckan', { token: API_TOKEN });
    expectNoSecrets(await failure(pull(setup.client, 'no-such-dataset')), setup);
  });

  it('a success: false answer (PortalError)', async () => {
    const setup = harness('ckan', {
      token: API_TOKEN,
      rewrite: (url, response) => (url.pathname.endsWith('datastore_search') ? HttpResponse.json({ success: false, error: { message: `bad token ${API_TOKEN}` } }) : response),
    });
    const error = await failure(pull(setup.client));
    expectNoSecrets(error, setup);
  });
});
