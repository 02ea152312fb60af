import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseFormatError,
  ServerError,
  TimeoutError,
} from '../../src/errors/index.js';
import { createTransport, type RetryEvent } from '../../src/http/index.js';
import { anyBody, BASE, FAST_RETRY, useMswServer } from './msw-server.js';

const server = useMswServer();

const counted = (respond: (count: number) => Response | Promise<Response>) => {
  const state = { count: 0 };
  const handler = async () => {
    state.count += 1;
    return respond(state.count);
  };
  return { state, handler };
};

describe('retries', () => {
  it('retries a failing GET 3 times then gives up with a ServerError', async () => {
    const { state, handler } = counted(() => HttpResponse.json({ error: 'down' }, { status: 503 }));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const error = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(503);
    expect(state.count).toBe(4);
  });

  it('succeeds when a later attempt succeeds', async () => {
    const { state, handler } = counted((n) => (n < 3 ? new HttpResponse(null, { status: 502 }) : HttpResponse.json({ ok: true })));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const response = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(response.data).toEqual({ ok: true });
    expect(state.count).toBe(3);
  });

  it('does not retry a 404 and puts the portal message in the error message', async () => {
    const { state, handler } = counted(() =>
      HttpResponse.json({ success: false, error: { message: 'Not found: Dataset not found' } }, { status: 404, statusText: 'Not Found' }),
    );
    server.use(http.get(`${BASE}/api/3/action/package_show`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const error = await transport
      .request({
        method: 'GET',
        url: `${BASE}/api/3/action/package_show`,
        searchParams: { id: 'x' },
        parse: anyBody,
        errorMessage: (body) => (body as { error?: { message?: string } }).error?.message,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe(
      `GET ${BASE}/api/3/action/package_show?id=x → 404 Not Found: Not found: Dataset not found`,
    );
    expect(state.count).toBe(1);
  });

  it('does not retry a POST', async () => {
    const { state, handler } = counted(() => new HttpResponse(null, { status: 503 }));
    server.use(http.post(`${BASE}/data`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    await expect(transport.request({ method: 'POST', url: `${BASE}/data`, body: 'a=1', parse: anyBody })).rejects.toBeInstanceOf(ServerError);
    expect(state.count).toBe(1);
  });

  it('stops at once when the caller aborts, rethrowing the abort reason as is', async () => {
    let arrived!: () => void;
    const received = new Promise<void>((resolve) => (arrived = resolve));
    const { state, handler } = counted(async () => {
      arrived();
      await delay(2_000);
      return HttpResponse.json({});
    });
    server.use(http.get(`${BASE}/slow`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const controller = new AbortController();
    const reason = new Error('the user left');
    const pending = transport.request({ method: 'GET', url: `${BASE}/slow`, parse: anyBody, signal: controller.signal });
    await received;
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(state.count).toBe(1);
  });

  it('rejects at once when the signal is already aborted, sending nothing', async () => {
    const { state, handler } = counted(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: FAST_RETRY });
    const error = await transport
      .request({ method: 'GET', url: `${BASE}/data`, parse: anyBody, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(state.count).toBe(0);
  });

  it('honours Retry-After: 0 on a 429 and then succeeds', async () => {
    const { state, handler } = counted((n) =>
      n === 1 ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } }) : HttpResponse.json({ ok: 1 }),
    );
    server.use(http.get(`${BASE}/data`, handler));
    const retries: number[] = [];
    const transport = createTransport({
      retry: { retries: 3, minDelay: 5_000, maxDelay: 10_000 },
      cache: false,
      hooks: { onRetry: (event) => retries.push(event.delay) },
    });
    const response = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(response.data).toEqual({ ok: 1 });
    expect(state.count).toBe(2);
    expect(retries).toEqual([0]);
  });

  it('honours a Retry-After HTTP date instead of the backoff', async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    const { state, handler } = counted((n) =>
      n === 1 ? new HttpResponse(null, { status: 503, headers: { 'retry-after': past } }) : HttpResponse.json({ ok: 2 }),
    );
    server.use(http.get(`${BASE}/data`, handler));
    const retries: number[] = [];
    const transport = createTransport({
      retry: { retries: 3, minDelay: 5_000, maxDelay: 10_000 },
      cache: false,
      hooks: { onRetry: (event) => retries.push(event.delay) },
    });
    const response = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(response.data).toEqual({ ok: 2 });
    expect(state.count).toBe(2);
    expect(retries).toEqual([0]);
  });

  it('throws a RateLimitError without waiting when Retry-After exceeds the cap', async () => {
    const { state, handler } = counted(() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '3600' } }));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: { ...FAST_RETRY, maxRetryAfter: 60_000 }, cache: false });
    const error = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(3_600_000);
    expect((error as RateLimitError).resetAt).toBeInstanceOf(Date);
    expect((error as RateLimitError).message).toContain('429 Too Many Requests');
    expect(state.count).toBe(1);
  });

  it('turns a slow attempt into a TimeoutError and retries it', async () => {
    const { state, handler } = counted(async (n) => {
      if (n === 1) await delay(1_000);
      return HttpResponse.json({ n });
    });
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false, timeout: 50 });
    const response = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(response.data).toEqual({ n: 2 });
    expect(state.count).toBe(2);
  });

  it('throws a TimeoutError carrying the limit when every attempt is too slow', async () => {
    const { state, handler } = counted(async () => {
      await delay(1_000);
      return HttpResponse.json({});
    });
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: { retries: 1, minDelay: 1, maxDelay: 1 }, cache: false, timeout: 30 });
    const error = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeout).toBe(30);
    expect((error as TimeoutError).message).toBe(`GET ${BASE}/data → timed out after 30 ms`);
    expect(state.count).toBe(2);
  });

  it('retries an HTML page served with status 200, then throws a ResponseFormatError', async () => {
    const { state, handler } = counted(() => HttpResponse.html('<html><body>网关错误</body></html>'));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const error = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).message).toContain('expected JSON, got an HTML page');
    expect((error as ResponseFormatError).bodyExcerpt).toContain('网关错误');
    expect(state.count).toBe(4);
  });

  it('retries a truncated JSON body, then throws a ResponseFormatError', async () => {
    const { state, handler } = counted(
      () => new HttpResponse('{"status":1,"data":[{"XKZBH":"JY1', { headers: { 'content-type': 'application/json' } }),
    );
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const error = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as ResponseFormatError).message).toContain('truncated or malformed');
    expect(state.count).toBe(4);
  });

  it('retries a drifted envelope rejected by parse, and succeeds when the portal recovers', async () => {
    const { state, handler } = counted((n) => HttpResponse.json(n === 1 ? { unexpected: true } : { result: 7 }));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const response = await transport.request({
      method: 'GET',
      url: `${BASE}/data`,
      parse: (body) => {
        const result = (body as { result?: number }).result;
        if (result === undefined) throw new ResponseFormatError('unexpected envelope');
        return result;
      },
    });
    expect(response.data).toBe(7);
    expect(state.count).toBe(2);
  });

  it('retries a network error, then throws a NetworkError', async () => {
    const { state, handler } = counted(() => HttpResponse.error());
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const error = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBeInstanceOf(Error);
    expect(state.count).toBe(4);
  });

  it('does not retry a quota error thrown by parse without a Retry-After', async () => {
    const { state, handler } = counted(() => HttpResponse.json({ code: '18', msg: '超出调用次数' }));
    server.use(http.get(`${BASE}/gateway`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const error = await transport
      .request({
        method: 'GET',
        url: `${BASE}/gateway`,
        parse: (body) => {
          throw new RateLimitError({ status: 200, statusText: 'OK', portalMessage: (body as { msg: string }).msg });
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toBe(`GET ${BASE}/gateway → 200 OK: 超出调用次数`);
    expect(state.count).toBe(1);
  });

  it('retries a quota error thrown by parse after the wait it names', async () => {
    const { state, handler } = counted((n) => HttpResponse.json(n === 1 ? { code: '18' } : { code: '00' }));
    server.use(http.get(`${BASE}/gateway`, handler));
    const transport = createTransport({ retry: FAST_RETRY, cache: false });
    const response = await transport.request({
      method: 'GET',
      url: `${BASE}/gateway`,
      parse: (body) => {
        if ((body as { code: string }).code === '18') throw new RateLimitError({ retryAfter: 0 });
        return 'ok';
      },
    });
    expect(response.data).toBe('ok');
    expect(state.count).toBe(2);
  });

  it('waits what Retry-After names before every retry of a 503, then gives up after the retries', async () => {
    const { state, handler } = counted(() => new HttpResponse(null, { status: 503, headers: { 'retry-after': '0' } }));
    server.use(http.get(`${BASE}/data`, handler));
    const retries: RetryEvent[] = [];
    // A backoff from 5 s would outlast the test: only Retry-After can make these retries quick.
    const transport = createTransport({
      retry: { retries: 3, minDelay: 5_000, maxDelay: 10_000 },
      cache: false,
      hooks: { onRetry: (event) => retries.push(event) },
    });
    const error = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(state.count).toBe(4);
    expect(retries.map((event) => [event.attempt, event.delay, event.retriesLeft])).toEqual([
      [1, 0, 3],
      [2, 0, 2],
      [3, 0, 1],
    ]);
    expect(retries.every((event) => event.error instanceof ServerError)).toBe(true);
  });

  it('backs off with jitter, doubling from minDelay up to maxDelay, when no Retry-After is given', async () => {
    const { state, handler } = counted(() => new HttpResponse(null, { status: 503 }));
    server.use(http.get(`${BASE}/data`, handler));
    const delays: number[] = [];
    const transport = createTransport({
      retry: { retries: 3, minDelay: 8, maxDelay: 16 },
      cache: false,
      hooks: { onRetry: (event) => delays.push(event.delay) },
    });
    await expect(transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody })).rejects.toBeInstanceOf(ServerError);
    expect(state.count).toBe(4);
    // Equal jitter: half of min(maxDelay, minDelay × 2^n) is fixed, half is random.
    const [first, second, third] = delays;
    expect(delays).toHaveLength(3);
    expect(first).toBeGreaterThanOrEqual(4);
    expect(first).toBeLessThanOrEqual(8);
    for (const later of [second, third]) {
      expect(later).toBeGreaterThanOrEqual(8);
      expect(later).toBeLessThanOrEqual(16);
    }
  });

  it('times out each slow attempt on its own and retries it, until the caller’s deadline ends the request with the caller’s reason', async () => {
    const { state, handler } = counted(async () => {
      await delay(5_000);
      return HttpResponse.json({});
    });
    server.use(http.get(`${BASE}/slow`, handler));
    const retries: RetryEvent[] = [];
    const transport = createTransport({
      retry: { retries: 100, minDelay: 1, maxDelay: 1 },
      cache: false,
      timeout: 30,
      hooks: { onRetry: (event) => retries.push(event) },
    });
    const deadline = new AbortController();
    const reason = new Error('the caller’s deadline passed');
    setTimeout(() => deadline.abort(reason), 300);
    await expect(transport.request({ method: 'GET', url: `${BASE}/slow`, parse: anyBody, signal: deadline.signal })).rejects.toBe(reason);
    expect(state.count).toBeGreaterThanOrEqual(2);
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries.every((event) => event.error instanceof TimeoutError && (event.error as TimeoutError).timeout === 30)).toBe(true);
    // Nothing is sent once the caller has aborted.
    const sent = state.count;
    await delay(100);
    expect(state.count).toBe(sent);
  });

  it('ends the wait before a retry at once when the caller aborts, and sends nothing more', async () => {
    const { state, handler } = counted(() => new HttpResponse(null, { status: 503, headers: { 'retry-after': '30' } }));
    server.use(http.get(`${BASE}/data`, handler));
    const controller = new AbortController();
    const reason = new Error('the user left');
    const transport = createTransport({
      retry: FAST_RETRY,
      cache: false,
      // The portal asks for 30 s; the caller leaves 10 ms into the wait.
      hooks: { onRetry: () => setTimeout(() => controller.abort(reason), 10) },
    });
    const started = Date.now();
    await expect(transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody, signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(state.count).toBe(1);
  });

  it('never retries when retry is false', async () => {
    const { state, handler } = counted(() => new HttpResponse(null, { status: 500 }));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport({ retry: false, cache: false });
    await expect(transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody })).rejects.toBeInstanceOf(ServerError);
    expect(state.count).toBe(1);
  });
});
