import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';

const sandbox = createSandbox({ flavor: 'ckan', seed: 7 });
const server = setupServer(http.all('https://data.example.org/*', ({ request }) => sandbox.handler(request)));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  sandbox.setFaults(undefined);
});
afterAll(() => server.close());

describe('sandbox behind msw', () => {
  it('answers requests to any host through the global fetch', async () => {
    const response = await fetch('https://data.example.org/api/3/action/package_show?id=nb-food-licenses');
    const body = await response.json();
    expect(body.success).toBe(true);
    expect(body.result.name).toBe('nb-food-licenses');
  });

  it('serves the same bytes as the in-process fetch', async () => {
    const path = '/api/3/action/package_search?q=*:*&rows=5&sort=id%20asc';
    const viaMsw = await (await fetch(`https://data.example.org${path}`)).text();
    const inProcess = await (await sandbox.fetch(sandbox.url + path)).text();
    // Resource URLs carry the origin the request came to; everything else is identical.
    expect(viaMsw.replaceAll('https://data.example.org', sandbox.url)).toBe(inProcess);
  });

  it('turns a reset fault into a network error, and per-test handlers still override it', async () => {
    sandbox.setFaults([{ match: 'package_show', kind: 'reset' }]);
    await expect(fetch('https://data.example.org/api/3/action/package_show?id=hz-parking-lots')).rejects.toThrow(TypeError);
    server.use(http.get('https://data.example.org/api/3/action/site_read', () => HttpResponse.json({ success: true, result: 'overridden' })));
    expect((await (await fetch('https://data.example.org/api/3/action/site_read')).json()).result).toBe('overridden');
  });
});
