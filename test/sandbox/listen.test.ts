import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type ListeningSandbox } from '../../src/sandbox/index.js';

const secret = 'kaifang-sandbox-secret';
let server: ListeningSandbox | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('sandbox over loopback HTTP', () => {
  it('serves the same bytes as the in-process fetch, on 127.0.0.1 by default', async () => {
    const clock = () => new Date('2026-11-26T08:00:00Z');
    const sandbox = createSandbox({ seed: 3, clock });
    server = await sandbox.listen({ port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const path = `/jdop_front/interfaces/cata_nb-food-licenses/get_data.do?appsecret=${secret}&pageNum=3&pageSize=50`;
    const overHttp = await (await fetch(server.url + path)).text();
    const inProcess = await (await sandbox.fetch(sandbox.url + path)).text();
    expect(overHttp).toBe(inProcess);
    expect(JSON.parse(overHttp).data).toHaveLength(50);
  });

  it('accepts POST bodies and answers CORS preflights', async () => {
    const sandbox = createSandbox();
    server = await sandbox.listen();
    const response = await fetch(`${server.url}/jdop_front/interfaces/cata_hz-parking-lots/get_total.do`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ appsecret: secret }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toMatchObject({ status: 1, data: 3128 });
    const preflight = await fetch(`${server.url}/api/3/action/package_show`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });

  it('drops the connection on reset and mid-body on truncate', async () => {
    const sandbox = createSandbox({
      faults: [
        { match: 'cata_hz-parking-lots/get_total', kind: 'reset' },
        { match: 'cata_hz-parking-lots/get_data', kind: 'truncate' },
      ],
    });
    server = await sandbox.listen();
    await expect(fetch(`${server.url}/jdop_front/interfaces/cata_hz-parking-lots/get_total.do?appsecret=${secret}`)).rejects.toThrow(TypeError);
    const response = await fetch(`${server.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?appsecret=${secret}&pageSize=200`);
    await expect(response.text()).rejects.toThrow();
  });

  it('closes with open connections and frees the port', async () => {
    const sandbox = createSandbox({ faults: [{ match: 'get_data', kind: 'slow', delay: 30_000 }] });
    server = await sandbox.listen();
    const pending = fetch(`${server.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?appsecret=${secret}`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    server = undefined;
    expect(await pending).toBeInstanceOf(TypeError);
  });
});
