import { describe, expect, it } from 'vitest';
import { createSandbox, faultKinds } from '../../src/sandbox/index.js';

const secret = 'kaifang-sandbox-secret';
const dataUrl = (base: string, page = 1) =>
  `${base}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?appsecret=${secret}&pageNum=${page}&pageSize=10`;

describe('sandbox faults', () => {
  it('answers 503 for a scripted unavailable fault, then recovers', async () => {
    const sandbox = createSandbox({ faults: [{ match: 'get_data', kind: 'unavailable', times: 2 }] });
    expect((await sandbox.fetch(dataUrl(sandbox.url))).status).toBe(503);
    expect((await sandbox.fetch(dataUrl(sandbox.url))).status).toBe(503);
    const ok = await sandbox.fetch(dataUrl(sandbox.url));
    expect(ok.status).toBe(200);
    expect((await ok.json()).status).toBe(1);
    expect(sandbox.stats.faults.unavailable).toBe(2);
  });

  it('answers 429 with the configured Retry-After', async () => {
    const sandbox = createSandbox({ faults: [{ match: /get_data/, kind: 'rate-limit', retryAfter: 7 }] });
    const response = await sandbox.fetch(dataUrl(sandbox.url));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('rejects the in-process fetch like a dropped connection on reset', async () => {
    const sandbox = createSandbox({ faults: [{ match: 'get_data', kind: 'reset' }] });
    await expect(sandbox.fetch(dataUrl(sandbox.url))).rejects.toThrow(TypeError);
  });

  it('fails the body stream half-way on truncate', async () => {
    const sandbox = createSandbox({ faults: [{ match: 'get_data', kind: 'truncate' }] });
    const response = await sandbox.fetch(dataUrl(sandbox.url));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow(/terminated/);
  });

  it('serves an HTML error page with status 200', async () => {
    const sandbox = createSandbox({ faults: [{ match: 'get_data', kind: 'html' }] });
    const response = await sandbox.fetch(dataUrl(sandbox.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('renames the payload field on drift', async () => {
    const zhejiang = createSandbox({ faults: [{ match: 'get_data', kind: 'drift' }] });
    const body = await (await zhejiang.fetch(dataUrl(zhejiang.url))).json();
    expect(body).not.toHaveProperty('data');
    expect(body.dataList).toHaveLength(10);

    const ckan = createSandbox({ flavor: 'ckan', faults: [{ match: 'package_show', kind: 'drift' }] });
    const drifted = await (await ckan.fetch(`${ckan.url}/api/3/action/package_show?id=hz-parking-lots`)).json();
    expect(drifted).not.toHaveProperty('result');
    expect(drifted.results.name).toBe('hz-parking-lots');
  });

  it('delays a slow answer and honours an abort while waiting', async () => {
    const sandbox = createSandbox({ faults: [{ match: 'get_data', kind: 'slow', delay: 60_000, times: 2 }] });
    const controller = new AbortController();
    const pending = sandbox.fetch(dataUrl(sandbox.url), { signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');

    const quick = createSandbox({ faults: [{ match: 'get_data', kind: 'slow', delay: 20 }] });
    expect((await quick.fetch(dataUrl(quick.url))).status).toBe(200);
  });

  it('injects faults by rate, reproducibly for the same seed', async () => {
    const run = async () => {
      const sandbox = createSandbox({ faults: { rate: 0.3, seed: 42, kinds: ['unavailable', 'rate-limit', 'html'], retryAfter: 0 } });
      const statuses: string[] = [];
      for (let page = 1; page <= 40; page++) {
        const response = await sandbox.fetch(dataUrl(sandbox.url, page));
        statuses.push(`${response.status}:${response.headers.get('content-type')?.split(';')[0]}`);
        await response.arrayBuffer();
      }
      return { statuses, faults: sandbox.stats.faults };
    };
    const first = await run();
    const second = await run();
    expect(second.statuses).toEqual(first.statuses);
    const injected = first.faults.unavailable + first.faults['rate-limit'] + first.faults.html;
    expect(injected).toBeGreaterThan(4);
    expect(injected).toBeLessThan(24);
  });

  it('rejects unknown fault kinds and rates outside 0..1', () => {
    expect(() => createSandbox({ faults: [{ match: 'x', kind: 'boom' as never }] })).toThrow(/Unknown fault kind "boom"/);
    expect(() => createSandbox({ faults: { rate: 1.5 } })).toThrow(/between 0 and 1/);
    expect(faultKinds).toHaveLength(7);
  });

  it('replaces and clears the fault plan at run time', async () => {
    const sandbox = createSandbox();
    sandbox.setFaults([{ match: 'get_data', kind: 'unavailable' }]);
    expect((await sandbox.fetch(dataUrl(sandbox.url))).status).toBe(503);
    sandbox.setFaults([{ match: 'get_data', kind: 'unavailable' }]);
    sandbox.setFaults(undefined);
    expect((await sandbox.fetch(dataUrl(sandbox.url))).status).toBe(200);
  });
});
