import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTransport } from '../../src/http/index.js';
import { RateLimiter } from '../../src/http/rate-limiter.js';
import { anyBody, BASE, useMswServer } from './msw-server.js';

const server = useMswServer();

describe('rate limiting', () => {
  it('never has more than `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    let total = 0;
    server.use(
      http.get(`${BASE}/page/:n`, async () => {
        inFlight += 1;
        total += 1;
        peak = Math.max(peak, inFlight);
        await delay(15);
        inFlight -= 1;
        return HttpResponse.json({});
      }),
    );
    const transport = createTransport({ cache: false, rateLimit: { concurrency: 2 } });
    await Promise.all(
      Array.from({ length: 8 }, (_, n) => transport.request({ method: 'GET', url: `${BASE}/page/${n}`, parse: anyBody })),
    );
    expect(total).toBe(8);
    expect(peak).toBe(2);
  });

  it('starts requests one at a time in order when spaced by requestsPerSecond', async () => {
    const order: string[] = [];
    server.use(
      http.get(`${BASE}/page/:n`, ({ params }) => {
        order.push(String(params['n']));
        return HttpResponse.json({});
      }),
    );
    const transport = createTransport({ cache: false, rateLimit: { requestsPerSecond: 200 } });
    await Promise.all(['a', 'b', 'c'].map((n) => transport.request({ method: 'GET', url: `${BASE}/page/${n}`, parse: anyBody })));
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('lets a caller abort while waiting for a slot, sending nothing for it', async () => {
    let total = 0;
    server.use(
      http.get(`${BASE}/page/:n`, async () => {
        total += 1;
        await delay(30);
        return HttpResponse.json({});
      }),
    );
    const transport = createTransport({ cache: false, rateLimit: { concurrency: 1 } });
    const first = transport.request({ method: 'GET', url: `${BASE}/page/1`, parse: anyBody });
    const controller = new AbortController();
    const reason = new Error('no longer needed');
    const second = transport.request({ method: 'GET', url: `${BASE}/page/2`, parse: anyBody, signal: controller.signal });
    controller.abort(reason);
    await expect(second).rejects.toBe(reason);
    await first;
    expect(total).toBe(1);
  });
});

describe('RateLimiter', () => {
  it('hands a freed slot to the next waiter', async () => {
    const limiter = new RateLimiter({ concurrency: 1 });
    const releaseFirst = await limiter.acquire();
    let secondGotIt = false;
    const second = limiter.acquire().then((release) => {
      secondGotIt = true;
      return release;
    });
    await Promise.resolve();
    expect(secondGotIt).toBe(false);
    releaseFirst();
    const releaseSecond = await second;
    expect(secondGotIt).toBe(true);
    expect(limiter.active).toBe(1);
    releaseSecond();
    releaseSecond();
    expect(limiter.active).toBe(0);
  });

  it('rejects with the abort reason while spacing starts', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 0.001 });
    (await limiter.acquire())();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort('stop');
    await expect(waiting).rejects.toBe('stop');
    expect(limiter.active).toBe(0);
  });

  it('ignores limits that make no sense instead of blocking forever', async () => {
    const limiter = new RateLimiter({ concurrency: 0, requestsPerSecond: -1 });
    const releases = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(limiter.active).toBe(3);
    for (const release of releases) release();
  });
});
