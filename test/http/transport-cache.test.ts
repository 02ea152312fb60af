import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTransport, fingerprint } from '../../src/http/index.js';
import { anyBody, BASE, countRequests, FAST_RETRY, useMswServer } from './msw-server.js';

const server = useMswServer();

describe('response cache', () => {
  it('answers the second of two sequential identical GETs from the cache', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({ items: [1, 2] }));
    server.use(http.get(`${BASE}/catalog`, handler));
    const transport = createTransport({ retry: FAST_RETRY });
    const first = await transport.request({ method: 'GET', url: `${BASE}/catalog`, searchParams: { q: '停车' }, parse: anyBody });
    const second = await transport.request({ method: 'GET', url: `${BASE}/catalog`, searchParams: { q: '停车' }, parse: anyBody });
    expect(seen).toHaveLength(1);
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.data).toEqual({ items: [1, 2] });
    expect(second.status).toBe(200);
  });

  it('runs parse again on a cached body', async () => {
    const { handler } = countRequests(() => HttpResponse.json({ n: 1 }));
    server.use(http.get(`${BASE}/catalog`, handler));
    const transport = createTransport();
    let parses = 0;
    const parse = (body: unknown) => {
      parses += 1;
      return body;
    };
    await transport.request({ method: 'GET', url: `${BASE}/catalog`, parse });
    await transport.request({ method: 'GET', url: `${BASE}/catalog`, parse });
    expect(parses).toBe(2);
  });

  it('sends one request for two concurrent identical GETs', async () => {
    const { seen, handler } = countRequests(async () => {
      await delay(30);
      return HttpResponse.json({ shared: true });
    });
    server.use(http.get(`${BASE}/catalog`, handler));
    const transport = createTransport();
    const parseA = (body: unknown) => ({ a: body });
    const parseB = (body: unknown) => ({ b: body });
    const [a, b] = await Promise.all([
      transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: parseA }),
      transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: parseB }),
    ]);
    expect(seen).toHaveLength(1);
    expect(a.data).toEqual({ a: { shared: true } });
    expect(b.data).toEqual({ b: { shared: true } });
  });

  it('sends one request for two concurrent identical GETs made before the cache has loaded, even with an immediate answer', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({ shared: true }));
    server.use(http.get(`${BASE}/catalog`, handler));
    const transport = createTransport();
    const results = await Promise.all([
      transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody }),
      transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody }),
    ]);
    expect(seen).toHaveLength(1);
    expect(results.map((result) => result.data)).toEqual([{ shared: true }, { shared: true }]);
    const third = await transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody });
    expect(third.fromCache).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('rejects with the signal’s reason a call aborted while the cache loads, and sends nothing for it', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/catalog`, handler));
    const transport = createTransport();
    const controller = new AbortController();
    const pending = transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody, signal: controller.signal });
    controller.abort(new Error('left the page'));
    await expect(pending).rejects.toThrow('left the page');
    expect(seen).toHaveLength(0);
  });

  it('keeps a shared request alive for the callers that did not abort', async () => {
    const { seen, handler } = countRequests(async () => {
      await delay(50);
      return HttpResponse.json({ ok: true });
    });
    server.use(http.get(`${BASE}/catalog`, handler));
    const transport = createTransport();
    const controller = new AbortController();
    const reason = new Error('first caller left');
    const first = transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody, signal: controller.signal });
    const second = transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody });
    controller.abort(reason);
    await expect(first).rejects.toBe(reason);
    await expect(second).resolves.toMatchObject({ data: { ok: true } });
    expect(seen).toHaveLength(1);
  });

  it('revalidates a stale entry with If-None-Match and reuses it on 304', async () => {
    const { seen, handler } = countRequests((request) =>
      request.headers.get('if-none-match') === '"v1"'
        ? new HttpResponse(null, { status: 304, headers: { etag: '"v1"' } })
        : HttpResponse.json({ version: 1 }, { headers: { etag: '"v1"' } }),
    );
    server.use(http.get(`${BASE}/dataset`, handler));
    const transport = createTransport({ cache: { ttl: 1 } });
    await transport.request({ method: 'GET', url: `${BASE}/dataset`, parse: anyBody });
    await delay(10);
    const second = await transport.request({ method: 'GET', url: `${BASE}/dataset`, parse: anyBody });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.headers.get('if-none-match')).toBe('"v1"');
    expect(second).toMatchObject({ data: { version: 1 }, status: 200, fromCache: true, revalidated: true });
  });

  it('revalidates with If-Modified-Since when only Last-Modified was sent', async () => {
    const lastModified = 'Wed, 01 May 2024 08:00:00 GMT';
    const { seen, handler } = countRequests((request) =>
      request.headers.get('if-modified-since') === lastModified
        ? new HttpResponse(null, { status: 304 })
        : HttpResponse.json({ rows: 3 }, { headers: { 'last-modified': lastModified } }),
    );
    server.use(http.get(`${BASE}/dataset`, handler));
    const transport = createTransport();
    await transport.request({ method: 'GET', url: `${BASE}/dataset`, parse: anyBody, cache: { ttl: 1 } });
    await delay(10);
    const second = await transport.request({ method: 'GET', url: `${BASE}/dataset`, parse: anyBody });
    expect(seen).toHaveLength(2);
    expect(second).toMatchObject({ data: { rows: 3 }, revalidated: true });
  });

  it('refetches a stale entry that has no validators', async () => {
    let version = 0;
    const { seen, handler } = countRequests(() => HttpResponse.json({ version: ++version }));
    server.use(http.get(`${BASE}/dataset`, handler));
    const transport = createTransport({ cache: { ttl: 1 } });
    await transport.request({ method: 'GET', url: `${BASE}/dataset`, parse: anyBody });
    await delay(10);
    const second = await transport.request({ method: 'GET', url: `${BASE}/dataset`, parse: anyBody });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.headers.get('if-none-match')).toBeNull();
    expect(second).toMatchObject({ data: { version: 2 }, fromCache: false, revalidated: false });
  });

  it('skips the cache for a call that passes cache: false', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/records`, handler));
    const transport = createTransport();
    await transport.request({ method: 'GET', url: `${BASE}/records`, parse: anyBody, cache: false });
    await transport.request({ method: 'GET', url: `${BASE}/records`, parse: anyBody, cache: false });
    expect(seen).toHaveLength(2);
  });

  it('does not cache POST requests by default', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({}));
    server.use(http.post(`${BASE}/records`, handler));
    const transport = createTransport();
    await transport.request({ method: 'POST', url: `${BASE}/records`, body: new URLSearchParams({ pageNum: '1' }), parse: anyBody });
    await transport.request({ method: 'POST', url: `${BASE}/records`, body: new URLSearchParams({ pageNum: '1' }), parse: anyBody });
    expect(seen).toHaveLength(2);
  });

  it('keeps entries for different credential fingerprints apart', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport();
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody, credentialFingerprint: fingerprint('key-a') });
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody, credentialFingerprint: fingerprint('key-b') });
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody, credentialFingerprint: fingerprint('key-a') });
    expect(seen).toHaveLength(2);
  });

  it('does not cache an error answer', async () => {
    let calls = 0;
    const { seen, handler } = countRequests(() => (++calls === 1 ? new HttpResponse(null, { status: 404 }) : HttpResponse.json({ found: true })));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport();
    await expect(transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody })).rejects.toThrow('404');
    await expect(transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody })).resolves.toMatchObject({ data: { found: true } });
    expect(seen).toHaveLength(2);
  });

  it('does not keep an answer marked Cache-Control: no-store', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({}, { headers: { 'cache-control': 'no-store' } }));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport();
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(seen).toHaveLength(2);
  });

  it('forgets everything on clearCache', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = createTransport();
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    transport.clearCache();
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(seen).toHaveLength(2);
  });

  it('never shares a cache between two transports', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/data`, handler));
    await createTransport().request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    await createTransport().request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(seen).toHaveLength(2);
  });

  it('reports cache hits to the onCacheHit hook with a redacted URL', async () => {
    server.use(http.get(`${BASE}/data`, () => HttpResponse.json({})));
    const hits: unknown[] = [];
    const transport = createTransport({ hooks: { onCacheHit: (event) => hits.push(event) } });
    const url = `${BASE}/data?appsecret=hunter2-secret`;
    await transport.request({ method: 'GET', url, parse: anyBody });
    await transport.request({ method: 'GET', url, parse: anyBody });
    expect(hits).toEqual([{ method: 'GET', url: `${BASE}/data?appsecret=[REDACTED]`, status: 200, revalidated: false }]);
  });
});
