import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { lazyTransport } from '../../src/http/lazy-transport.js';
import { anyBody, BASE, countRequests, useMswServer } from './msw-server.js';

const server = useMswServer();

describe('lazyTransport', () => {
  it('sends requests with the options it was given once the HTTP layer has loaded', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({ ok: true }));
    server.use(http.get(`${BASE}/catalog`, handler));
    const transport = lazyTransport({ headers: { 'x-app': 'parking-map' } });
    const response = await transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody });
    expect(response.data).toEqual({ ok: true });
    expect(seen[0]?.headers.get('x-app')).toBe('parking-map');
  });

  it('sends one request for two concurrent identical GETs made before the HTTP layer has loaded', async () => {
    const { seen, handler } = countRequests(async () => {
      await delay(20);
      return HttpResponse.json({ shared: true });
    });
    server.use(http.get(`${BASE}/catalog`, handler));
    const transport = lazyTransport();
    const [a, b] = await Promise.all([
      transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody }),
      transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody }),
    ]);
    expect(seen).toHaveLength(1);
    expect([a.data, b.data]).toEqual([{ shared: true }, { shared: true }]);
  });

  it('clears nothing before the first request and the cache after it', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/data`, handler));
    const transport = lazyTransport();
    transport.clearCache();
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(seen).toHaveLength(1);
    transport.clearCache();
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(seen).toHaveLength(2);
  });

  it('rejects a call whose signal was aborted with the signal’s reason and sends nothing', async () => {
    const { seen, handler } = countRequests(() => HttpResponse.json({}));
    server.use(http.get(`${BASE}/data`, handler));
    const controller = new AbortController();
    controller.abort(new Error('user navigated away'));
    await expect(lazyTransport().request({ method: 'GET', url: `${BASE}/data`, parse: anyBody, signal: controller.signal })).rejects.toThrow('user navigated away');
    expect(seen).toHaveLength(0);
  });

  it('reports a bad request as the HTTP layer does, as a rejection', async () => {
    await expect(lazyTransport().request({ method: 'GET', url: 'not a url', parse: anyBody })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
