import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { lazyTransport } from '../../src/http/lazy-transport.js';
import { anyBody, BASE, useMswServer } from './msw-server.js';

const server = useMswServer();

describe('lazyTransport', () => {
  it('sends requests with the options it was given once the HTTP layer has loaded', async () => {
    const seen: Request[] = [];
    server.use(
      http.get(`${BASE}/catalog`, ({ request }) => {
        seen.push(request);
        return HttpResponse.json({ ok: true });
      }),
    );
    const transport = lazyTransport({ headers: { 'x-app': 'parking-map' } });
    const response = await transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody });
    expect(response.data).toEqual({ ok: true });
    expect(seen[0]?.headers.get('x-app')).toBe('parking-map');
  });

  it('sends one request for two concurrent identical GETs made before the HTTP layer has loaded', async () => {
    let requests = 0;
    server.use(
      http.get(`${BASE}/catalog`, async () => {
        requests += 1;
        await delay(20);
        return HttpResponse.json({ shared: true });
      }),
    );
    const transport = lazyTransport();
    const [a, b] = await Promise.all([
      transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody }),
      transport.request({ method: 'GET', url: `${BASE}/catalog`, parse: anyBody }),
    ]);
    expect(requests).toBe(1);
    expect([a.data, b.data]).toEqual([{ shared: true }, { shared: true }]);
  });

  it('clears nothing before the first request and the cache after it', async () => {
    let requests = 0;
    server.use(
      http.get(`${BASE}/data`, () => {
        requests += 1;
        return HttpResponse.json({});
      }),
    );
    const transport = lazyTransport();
    transport.clearCache();
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(requests).toBe(1);
    transport.clearCache();
    await transport.request({ method: 'GET', url: `${BASE}/data`, parse: anyBody });
    expect(requests).toBe(2);
  });

  it('rejects a call whose signal was aborted with the signal’s reason and sends nothing', async () => {
    let requests = 0;
    server.use(
      http.get(`${BASE}/data`, () => {
        requests += 1;
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    controller.abort(new Error('user navigated away'));
    await expect(lazyTransport().request({ method: 'GET', url: `${BASE}/data`, parse: anyBody, signal: controller.signal })).rejects.toThrow('user navigated away');
    expect(requests).toBe(0);
  });

  it('reports a bad request as the HTTP layer does, as a rejection', async () => {
    await expect(lazyTransport().request({ method: 'GET', url: 'not a url', parse: anyBody })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
