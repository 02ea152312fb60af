import { getEventListeners } from 'node:events';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KaifangError, ResponseFormatError, ResponseTooLargeError } from '../../src/errors/index.js';
import { createTransport, VERSION } from '../../src/http/index.js';
import { anyBody, BASE, countRequests, FAST_RETRY, useMswServer } from './msw-server.js';
import packageJson from '../../package.json' with { type: 'json' };

const server = useMswServer();

/** A body sent as `count` chunks of `text`, with no Content-Length. */
const chunks = (count: number, text: string): ReadableStream<Uint8Array> =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < count; i += 1) controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading bodies', () => {
  it('stops reading past maxResponseBytes with a ResponseTooLargeError, without retrying', async () => {
    let count = 0;
    server.use(
      http.get(`${BASE}/big`, () => {
        count += 1;
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode(`${'x'.repeat(999)},`));
            controller.close();
          },
        });
        return new HttpResponse(stream, { headers: { 'content-type': 'application/json' } });
      }),
    );
    const transport = createTransport({ retry: FAST_RETRY, cache: false, maxResponseBytes: 2_500 });
    const error = await transport.request({ method: 'GET', url: `${BASE}/big`, parse: anyBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limit).toBe(2_500);
    expect((error as ResponseTooLargeError).message).toBe(`GET ${BASE}/big → response body exceeds 2500 bytes`);
    expect(count).toBe(1);
  });

  it.each([
    ['a streamed text body', () => new HttpResponse(chunks(10, 'a,b,c\n'.repeat(100)), { headers: { 'content-type': 'text/csv' } })],
    ['a text body whose Content-Length is over the limit', () => HttpResponse.text('a,b,c\n'.repeat(1_000))],
  ])('stops %s past maxResponseBytes with a ResponseTooLargeError, without retrying', async (_, respond) => {
    const { seen, handler } = countRequests(respond);
    server.use(http.get(`${BASE}/file.csv`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false, maxResponseBytes: 2_500 });
    const error = await transport
      .request({ method: 'GET', url: `${BASE}/file.csv`, responseType: 'text', parse: (text) => text })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).message).toBe(`GET ${BASE}/file.csv → response body exceeds 2500 bytes`);
    expect(seen).toHaveLength(1);
  });

  it('rejects a body whose Content-Length is already over the limit', async () => {
    server.use(http.get(`${BASE}/big`, () => HttpResponse.json({ data: 'y'.repeat(500) })));
    const transport = createTransport({ retry: false, cache: false, maxResponseBytes: 100 });
    await expect(transport.request({ method: 'GET', url: `${BASE}/big`, parse: anyBody })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('drops __proto__ keys so a row cannot pollute a prototype, and keeps constructor keys as data', async () => {
    const body = '{"rows":[{"__proto__":{"polluted":true},"a":1},{"\\u005f_proto__":{"polluted":true},"constructor":"c"}]}';
    server.use(http.get(`${BASE}/rows`, () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } })));
    const transport = createTransport({ cache: false });
    const { data } = await transport.request({
      method: 'GET',
      url: `${BASE}/rows`,
      parse: (json) => (json as { rows: Record<string, unknown>[] }).rows,
    });
    const merged = Object.assign({}, ...data) as Record<string, unknown>;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(merged['polluted']).toBeUndefined();
    expect(Object.hasOwn(data[0] ?? {}, '__proto__')).toBe(false);
    expect(Object.hasOwn(data[1] ?? {}, '__proto__')).toBe(false);
    expect(data[0]?.['a']).toBe(1);
    expect(data[1]?.['constructor']).toBe('c');
  });

  it('passes the text as is with responseType text', async () => {
    server.use(http.get(`${BASE}/file.csv`, () => HttpResponse.text('<a>,b\n1,2')));
    const transport = createTransport({ cache: false });
    const { data } = await transport.request({ method: 'GET', url: `${BASE}/file.csv`, responseType: 'text', parse: (text) => text });
    expect(data).toBe('<a>,b\n1,2');
  });

  it('treats an empty 200 body as a ResponseFormatError', async () => {
    server.use(http.get(`${BASE}/empty`, () => new HttpResponse('', { status: 200 })));
    const transport = createTransport({ retry: false, cache: false });
    await expect(transport.request({ method: 'GET', url: `${BASE}/empty`, parse: anyBody })).rejects.toThrow(
      'expected JSON, got an empty body',
    );
  });

  it('gives parse undefined for a HEAD answer', async () => {
    server.use(http.head(`${BASE}/data`, () => new HttpResponse(null, { headers: { etag: '"e"' } })));
    const transport = createTransport();
    const response = await transport.request({ method: 'HEAD', url: `${BASE}/data`, parse: (body, meta) => ({ body, etag: meta.headers.get('etag') }) });
    expect(response.data).toEqual({ body: undefined, etag: '"e"' });
  });

  it('passes the status and headers to parse', async () => {
    server.use(http.get(`${BASE}/data`, () => HttpResponse.json({}, { status: 202, headers: { 'x-soda2-fields': '["a"]' } })));
    const transport = createTransport({ cache: false });
    const { data } = await transport.request({
      method: 'GET',
      url: `${BASE}/data`,
      parse: (_body, meta) => [meta.status, meta.headers.get('x-soda2-fields')],
    });
    expect(data).toEqual([202, '["a"]']);
  });

  it('keeps the HTTP error readable when errorMessage itself throws', async () => {
    server.use(http.get(`${BASE}/data`, () => HttpResponse.text('not json', { status: 400 })));
    const transport = createTransport({ cache: false });
    const error = await transport
      .request({
        method: 'GET',
        url: `${BASE}/data`,
        parse: anyBody,
        errorMessage: () => {
          throw new Error('adapter bug');
        },
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(`GET ${BASE}/data → 400 Bad Request`);
  });

  it('hands a stream answer over that the caller\'s signal still cancels, and a refused one leaves no listener behind', async () => {
    // The body ends the way a real one does: when the request's signal aborts.
    const exportFetch = async (input: RequestInfo | URL): Promise<Response> => {
      const { signal } = input as Request;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          signal.addEventListener('abort', () => controller.error(signal.reason), { once: true });
        },
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('{"row":1}\n'));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/jsonl' } });
    };
    const transport = createTransport({ cache: false, fetch: exportFetch, retry: FAST_RETRY });
    const controller = new AbortController();
    const { data: body } = await transport.request({
      method: 'GET',
      url: `${BASE}/export`,
      responseType: 'stream',
      signal: controller.signal,
      parse: (stream) => stream as ReadableStream<Uint8Array>,
    });
    const reader = body.getReader();
    expect((await reader.read()).done).toBe(false);
    controller.abort(new Error('user stopped'));
    const drain = async (): Promise<void> => {
      for (;;) if ((await reader.read()).done) return;
    };
    await expect(drain()).rejects.toThrow('user stopped');

    const refusing = new AbortController();
    const refused = transport.request({
      method: 'GET',
      url: `${BASE}/export`,
      responseType: 'stream',
      signal: refusing.signal,
      parse: (stream) => {
        void (stream as ReadableStream<Uint8Array>).cancel();
        throw new ResponseFormatError('not an export');
      },
    });
    await expect(refused).rejects.toBeInstanceOf(ResponseFormatError);
    expect(getEventListeners(refusing.signal, 'abort')).toHaveLength(0);
  });

  it('adds no listener to a caller\'s signal that many requests in flight share', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowFetch = async (): Promise<Response> => {
      await held;
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const transport = createTransport({ cache: false, fetch: slowFetch });
    const shared = new AbortController();
    const requests = Array.from({ length: 16 }, (_, page) =>
      transport.request({ method: 'GET', url: `${BASE}/page`, searchParams: { page }, signal: shared.signal, parse: anyBody }),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
    release();
    await Promise.all(requests);
  });
});

describe('the caller’s signal', () => {
  /** Wraps the signal's add/removeEventListener to tell which abort listeners are still on it. */
  const watchListeners = (signal: AbortSignal): Set<unknown> => {
    const active = new Set<unknown>();
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: AddEventListenerOptions | boolean) => {
      if (type === 'abort') active.add(listener);
      add(type, listener, options);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: EventListenerOptions | boolean) => {
      if (type === 'abort') active.delete(listener);
      remove(type, listener, options);
    }) as typeof signal.removeEventListener;
    return active;
  };

  it('keeps no abort listener on the caller’s signal once its requests have finished, whatever they did', async () => {
    let flaky = 0;
    server.use(
      http.get(`${BASE}/page`, () => HttpResponse.json({ rows: [] })),
      http.get(`${BASE}/flaky`, () => (++flaky === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ ok: true }))),
      http.get(`${BASE}/missing`, () => new HttpResponse(null, { status: 404 })),
      http.get(`${BASE}/catalog`, async () => {
        await delay(10);
        return HttpResponse.json({ cached: true });
      }),
      http.get(`${BASE}/export`, () => new HttpResponse('{"row":1}\n', { headers: { 'content-type': 'application/jsonl' } })),
      http.post(`${BASE}/query`, () => HttpResponse.json({ posted: true })),
    );
    // A limiter that queues most requests, retries that sleep, a cache that shares and stores.
    const transport = createTransport({ retry: FAST_RETRY, rateLimit: { concurrency: 2 } });
    const controller = new AbortController();
    const active = watchListeners(controller.signal);
    const { signal } = controller;
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 8 }, (_, page) =>
        transport.request({ method: 'GET', url: `${BASE}/page`, searchParams: { page }, cache: false, signal, parse: anyBody }),
      ),
      transport.request({ method: 'GET', url: `${BASE}/flaky`, cache: false, signal, parse: anyBody }),
      transport.request({ method: 'GET', url: `${BASE}/missing`, signal, parse: anyBody }),
      transport.request({ method: 'GET', url: `${BASE}/catalog`, signal, parse: anyBody }),
      transport.request({ method: 'GET', url: `${BASE}/catalog`, signal, parse: anyBody }),
      transport.request({ method: 'GET', url: `${BASE}/page`, searchParams: { page: 'no-timeout' }, cache: false, timeout: false, signal, parse: anyBody }),
      transport.request({ method: 'POST', url: `${BASE}/query`, body: 'q=1', signal, parse: anyBody }),
      transport.request({
        method: 'GET',
        url: `${BASE}/export`,
        responseType: 'stream',
        signal,
        parse: (stream) => new Response(stream as ReadableStream<Uint8Array>).text(),
      }),
    ]);
    await transport.request({ method: 'GET', url: `${BASE}/catalog`, signal, parse: anyBody });
    expect(outcomes.map((outcome) => outcome.status)).toEqual([...Array<string>(9).fill('fulfilled'), 'rejected', ...Array<string>(5).fill('fulfilled')]);
    expect(flaky).toBe(2);
    expect(active.size).toBe(0);
  });
});

describe('requests', () => {
  it('merges searchParams, skipping undefined values, and sends the default User-Agent', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${BASE}/search`, ({ request }) => {
        seen = request;
        return HttpResponse.json({});
      }),
    );
    const transport = createTransport({ headers: { 'x-client': 'test' } });
    await transport.request({
      method: 'GET',
      url: `${BASE}/search?fixed=1`,
      searchParams: { q: '许可证', rows: 20, skip: undefined, exact: true },
      parse: anyBody,
    });
    const url = new URL(seen?.url ?? '');
    expect([...url.searchParams]).toEqual([['fixed', '1'], ['q', '许可证'], ['rows', '20'], ['exact', 'true']]);
    expect(seen?.headers.get('user-agent')).toBe(`kaifang/${VERSION}`);
    expect(seen?.headers.get('x-client')).toBe('test');
  });

  it('reports the package version in the User-Agent', () => {
    expect(VERSION).toBe(packageJson.version);
  });

  it('sends a form body with POST', async () => {
    let body = '';
    server.use(
      http.post(`${BASE}/get_data.do`, async ({ request }) => {
        body = await request.text();
        return HttpResponse.json({ status: 1 });
      }),
    );
    const transport = createTransport();
    await transport.request({ method: 'POST', url: `${BASE}/get_data.do`, body: new URLSearchParams({ pageNum: '2' }), parse: anyBody });
    expect(body).toBe('pageNum=2');
  });

  it('looks up the global fetch at request time, not when the transport is created', async () => {
    const transport = createTransport({ cache: false });
    const stub = vi.fn(async () => Response.json({ stubbed: true }));
    vi.stubGlobal('fetch', stub);
    const { data } = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(data).toEqual({ stubbed: true });
    expect(stub).toHaveBeenCalledTimes(1);
  });

  it('uses the fetch given in the options', async () => {
    const seen: string[] = [];
    const transport = createTransport({
      cache: false,
      fetch: async (request) => {
        seen.push(request.url);
        return Response.json({ own: true });
      },
    });
    const { data } = await transport.request({ method: 'GET', url: `${BASE}/own`, parse: anyBody });
    expect(data).toEqual({ own: true });
    expect(seen).toEqual([`${BASE}/own`]);
  });

  it('rejects a relative URL with a typed error and sends nothing', async () => {
    const transport = createTransport();
    const error = await transport.request({ method: 'GET', url: '/relative?token=abcdef', parse: anyBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KaifangError);
    expect((error as KaifangError).code).toBe('INVALID_REQUEST');
    expect((error as KaifangError).message).toBe('invalid request URL: /relative?token=[REDACTED]');
  });

  it('rejects a non-HTTP URL and an unsupported method with typed errors', async () => {
    const transport = createTransport();
    await expect(transport.request({ method: 'GET', url: 'file:///etc/passwd', parse: anyBody })).rejects.toThrow(
      'unsupported URL protocol file:',
    );
    await expect(
      transport.request({ method: 'DELETE' as 'GET', url: `${BASE}/x`, parse: anyBody }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('lets an error thrown by parse through with the request attached', async () => {
    server.use(http.get(`${BASE}/data`, () => HttpResponse.json({ status: 0, msg: 'pageSize不能超过200' })));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const error = await transport
      .request({
        method: 'GET',
        url: `${BASE}/data`,
        parse: () => {
          throw new ResponseFormatError('unexpected envelope');
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).request).toEqual({ method: 'GET', url: `${BASE}/data` });
    expect((error as ResponseFormatError).message).toBe(`GET ${BASE}/data → unexpected envelope`);
    expect((error as ResponseFormatError).stack?.split('\n')[0]).toBe(`ResponseFormatError: GET ${BASE}/data → unexpected envelope`);
  });
});
