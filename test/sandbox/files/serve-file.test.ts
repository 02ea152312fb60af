import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';

const sandbox = createSandbox({ flavor: 'zhejiang', seed: 2 });
const url = `${sandbox.url}/jdop_front/download/cata_nb-food-licenses.json?appsecret=${sandbox.credentials.appSecret}`;
const get = (headers: Record<string, string> = {}) => sandbox.fetch(url, { headers });

describe('sandbox file downloads', () => {
  it('sends validators and the length of a small file', async () => {
    const response = await get();
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(response.headers.get('last-modified')).toMatch(/GMT$/);
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since', async () => {
    const first = await get();
    await first.arrayBuffer();
    expect((await get({ 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
    expect((await get({ 'if-modified-since': first.headers.get('last-modified')! })).status).toBe(304);
  });

  it('serves byte ranges with 206 and refuses one past the end with 416', async () => {
    const whole = new Uint8Array(await (await get()).arrayBuffer());
    const part = await get({ range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${whole.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(whole.subarray(100, 200));
    const past = await get({ range: `bytes=${whole.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
  });

  it('sends the whole file when If-Range names an old version', async () => {
    const response = await get({ range: 'bytes=10-', 'if-range': '"old"' });
    expect(response.status).toBe(200);
  });

  it('changes the ETag when the data changes', async () => {
    const own = createSandbox({ flavor: 'zhejiang', seed: 2, clock: () => new Date('2026-12-01T00:00:00Z') });
    const ownUrl = url.replace(sandbox.url, own.url);
    const before = (await own.fetch(ownUrl)).headers.get('etag');
    own.mutate({ dataset: 'nb-food-licenses', update: 1 });
    expect((await own.fetch(ownUrl)).headers.get('etag')).not.toBe(before);
  });

  it('answers the failure envelope for a wrong app secret', async () => {
    const response = await sandbox.fetch(url.replace(/appsecret=[^&]+/, 'appsecret=x'));
    expect(await response.json()).toEqual({ status: 0, msg: 'appsecret无效', data: null });
  });
});
