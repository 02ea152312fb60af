import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  HttpError,
  KaifangError,
  NetworkError,
  NotFoundError,
  PortalError,
  RateLimitError,
  ResponseFormatError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
} from '../../src/errors/index.js';
import { createTransport, type RequestSpec, type TransportOptions } from '../../src/http/index.js';
import { anyBody, BASE, useMswServer } from './msw-server.js';

const server = useMswServer();

const APP_SECRET = 'a+b/c=7f3a9c';
const TOKEN = 'ckan-token-5d2e8b';
const DERIVED = 'derived-req-secret-42';
const SECRETS = [APP_SECRET, encodeURIComponent(APP_SECRET), TOKEN, DERIVED];

const URL_WITH_SECRET = `${BASE}/data?appsecret=${encodeURIComponent(APP_SECRET)}&pageNum=1`;
const ECHO = `appsecret=${APP_SECRET} token ${TOKEN} secret ${DERIVED}`;

const spec = (overrides: Partial<RequestSpec<unknown>> = {}): RequestSpec<unknown> => ({
  method: 'GET',
  url: URL_WITH_SECRET,
  headers: { authorization: TOKEN },
  secrets: [DERIVED],
  parse: anyBody,
  errorMessage: (body) => (typeof body === 'object' && body !== null ? String((body as { message?: unknown }).message) : String(body)),
  ...overrides,
});

const failWith = async (options: TransportOptions, overrides: Partial<RequestSpec<unknown>> = {}): Promise<KaifangError> => {
  const transport = createTransport({ retry: false, cache: false, ...options });
  const error = await transport.request(spec(overrides)).then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KaifangError);
  return error as KaifangError;
};

const expectNoSecret = (error: KaifangError): void => {
  const views = [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 5 })];
  for (const view of views) {
    for (const secret of SECRETS) expect(view).not.toContain(secret);
  }
  expect(error.request?.url).toBe(`${BASE}/data?appsecret=[REDACTED]&pageNum=1`);
};

const echo = (status: number) => ({ request }: { request: Request }) =>
  HttpResponse.json({ message: `${ECHO} url ${request.url}` }, { status, headers: { 'retry-after': '3600' } });

describe('no secret leaks from any error', () => {
  it.each([
    [404, NotFoundError],
    [401, AuthError],
    [403, AuthError],
    [429, RateLimitError],
    [500, ServerError],
    [400, HttpError],
  ] as const)('hides secrets echoed in a %i answer', async (status, ErrorClass) => {
    server.use(http.get(`${BASE}/data`, echo(status)));
    const error = await failWith({});
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as HttpError).portalMessage).toContain('[REDACTED]');
    expectNoSecret(error);
  });

  it('hides secrets echoed in an HTML page served with 200', async () => {
    server.use(http.get(`${BASE}/data`, ({ request }) => HttpResponse.html(`<html><p>${ECHO}</p><p>${request.url}</p></html>`)));
    const error = await failWith({});
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).bodyExcerpt).toContain('[REDACTED]');
    expectNoSecret(error);
  });

  it('hides secrets echoed in a broken JSON body', async () => {
    server.use(http.get(`${BASE}/data`, () => new HttpResponse(`{"echo": "${ECHO}`, { headers: { 'content-type': 'application/json' } })));
    const error = await failWith({});
    expect(error).toBeInstanceOf(ResponseFormatError);
    expectNoSecret(error);
  });

  it('hides secrets in a PortalError and a ResponseFormatError thrown by parse', async () => {
    server.use(http.get(`${BASE}/data`, () => HttpResponse.json({ status: 0, msg: `appsecret无效: ${APP_SECRET} ${DERIVED}` })));
    const portal = await failWith(
      {},
      {
        parse: (body) => {
          throw new PortalError('0', (body as { msg: string }).msg);
        },
      },
    );
    expect(portal).toBeInstanceOf(PortalError);
    expect((portal as PortalError).portalMessage).toBe('appsecret无效: [REDACTED] [REDACTED]');
    expectNoSecret(portal);

    const drift = await failWith(
      {},
      {
        parse: (body) => {
          throw new ResponseFormatError(`bad envelope ${DERIVED}`, { body: JSON.stringify(body), cause: new Error(`inner ${TOKEN}`) });
        },
      },
    );
    expect(drift).toBeInstanceOf(ResponseFormatError);
    expectNoSecret(drift);
  });

  it('hides secrets in a NetworkError whose cause quotes the URL and header', async () => {
    const error = await failWith({
      fetch: async (request) => {
        throw new TypeError(`connect ECONNREFUSED for ${request.url} with ${request.headers.get('authorization') ?? ''}`);
      },
    });
    expect(error).toBeInstanceOf(NetworkError);
    expect((error.cause as Error).message).toContain('[REDACTED]');
    expectNoSecret(error);
  });

  it('hides secrets in a TimeoutError', async () => {
    const error = await failWith({
      timeout: 20,
      fetch: (request) =>
        new Promise((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
    });
    expect(error).toBeInstanceOf(TimeoutError);
    expectNoSecret(error);
  });

  it('hides secrets in a ResponseTooLargeError', async () => {
    server.use(http.get(`${BASE}/data`, () => HttpResponse.json({ echo: ECHO.repeat(20) })));
    const error = await failWith({ maxResponseBytes: 64 });
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expectNoSecret(error);
  });

  it('hides secrets sent in a POST form body', async () => {
    server.use(http.post(`${BASE}/data`, async ({ request }) => HttpResponse.json({ message: await request.text() }, { status: 500 })));
    const error = await failWith(
      {},
      { method: 'POST', url: `${BASE}/data?appsecret=${encodeURIComponent(APP_SECRET)}&pageNum=1`, body: new URLSearchParams({ sign: 'sign-value-99' }) },
    );
    expect(error.message).not.toContain('sign-value-99');
    expectNoSecret(error);
  });

  it('gives hooks only redacted URLs and headers', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/data`, () => (++calls === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({}))),
    );
    const events: unknown[] = [];
    const transport = createTransport({
      retry: { retries: 1, minDelay: 1, maxDelay: 1 },
      cache: false,
      hooks: {
        onRequest: (event) => events.push(event),
        onResponse: (event) => events.push(event),
        onRetry: (event) => events.push({ ...event, error: (event.error as KaifangError).toJSON() }),
      },
    });
    await transport.request(spec());
    expect(events).toHaveLength(5);
    const dump = JSON.stringify(events);
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
    expect(dump).toContain('[REDACTED]');
  });
});
