import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { appSecret, getJson, movableClock, openDataUrl, refreshByKey, shanghai, verifyPath } from './zhejiang-requests.js';

describe('zhejiang flavor', () => {
  it('answers an unknown path with a 404 HTML page, as the gateway in front of the platform does', async () => {
    const sandbox = createSandbox({ seed: 2 });
    for (const path of ['/', '/jdop_front/interfaces/cata_hz-parking-lots/get_rows.do', '/dopServer/rest/catalog/a/b', '/gateway/app/other.htm']) {
      const response = await sandbox.fetch(`${sandbox.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('404 Not Found');
    }
  });

  it('routes by path only, whatever the host, and under a path prefix', async () => {
    const sandbox = createSandbox({ seed: 2 });
    const direct = await getJson(sandbox, openDataUrl(sandbox, 'hz-parking-lots', 'get_total'));
    const elsewhere = await getJson(sandbox, `https://data.zj.gov.cn/prefix/jdop_front/interfaces/cata_hz-parking-lots/get_total.do?appsecret=${appSecret}`);
    expect(elsewhere).toEqual(direct);
  });

  it('serves the same bytes for the same seed and clock, and other rows for another seed', async () => {
    const clock = movableClock();
    const bytes = async (seed: number) => {
      const sandbox = createSandbox({ seed, clock: clock.clock });
      const urls = [
        openDataUrl(sandbox, 'nb-business-licenses', 'get_data', { pageNum: 3, pageSize: 50 }),
        openDataUrl(sandbox, 'hz-parking-lots', 'get_data', { pageSize: 50 }),
        `${sandbox.url}/dopServer/rest/catalog/search?pageSize=100`,
      ];
      const texts = [];
      for (const url of urls) texts.push(await (await sandbox.fetch(url)).text());
      texts.push(JSON.stringify((await refreshByKey(sandbox, clock.now())).datas));
      return texts;
    };
    const first = await bytes(21);
    expect(await bytes(21)).toEqual(first);
    const other = await bytes(22);
    expect(other[0]).not.toBe(first[0]);
  });

  it('shows a mutation in get_total, get_dataupdate_date and the catalogue entry', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 2, clock: clock.clock });
    const total = async () => (await getJson(sandbox, openDataUrl(sandbox, 'nb-food-licenses', 'get_total'))).data;
    const updated = async () => (await getJson(sandbox, openDataUrl(sandbox, 'nb-food-licenses', 'get_dataupdate_date'))).data;
    const entry = async () => (await getJson(sandbox, `${sandbox.url}/dopServer/rest/catalog/nb-food-licenses`)).data;
    const before = { total: await total(), updated: await updated(), entry: await entry() };
    expect(before.entry.updateDate).toBe(before.updated);

    clock.advance(3_600_000);
    const result = sandbox.mutate({ dataset: 'nb-food-licenses', add: 5, remove: 2 });
    expect(await total()).toBe(before.total + 3);
    expect(await updated()).toBe(shanghai(result.updatedAt));
    expect(await updated()).not.toBe(before.updated);
    const after = await entry();
    expect(after.recordCount).toBe(before.total + 3);
    expect(after.updateDate).toBe(shanghai(result.updatedAt));
  });

  it('offers samples that each answer with status 1', async () => {
    const sandbox = createSandbox({ seed: 2 });
    const samples = sandbox.samples();
    expect(samples.some((url) => url.includes('/cata_hz-parking-lots/get_data.do'))).toBe(true);
    expect(samples.some((url) => url.includes('/dopServer/rest/catalog/search'))).toBe(true);
    expect(samples.some((url) => url.includes('get_total.do'))).toBe(true);
    for (const url of samples) expect((await getJson(sandbox, url)).status).toBe(1);
    expect(sandbox.samples('http://127.0.0.1:8080/')[0]).toMatch(/^http:\/\/127\.0\.0\.1:8080\/jdop_front\//);
  });

  it('never throws on malformed input: bad encodings, odd bodies, unicode and huge values', async () => {
    const sandbox = createSandbox({ seed: 2 });
    const huge = '9'.repeat(5000);
    const requests: [string, RequestInit?][] = [
      [`${sandbox.url}/jdop_front/interfaces/cata_%ZZ/get_data.do?appsecret=${appSecret}`],
      [`${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?appsecret=${appSecret}&pageNum=%E0%A4%A&pageSize=%FF`],
      [`${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?appsecret=${appSecret}&pageNum=${huge}&pageSize=${huge}`],
      [`${sandbox.url}/jdop_front/interfaces/cata_😀/get_total.do?appsecret=${appSecret}&appsecret=again`],
      [`${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '%%%&&&==&appsecret=%E4' }],
      [`${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nbroken' }],
      [`${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"appsecret":' }],
      [`${sandbox.url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do`, { method: 'POST', body: new Uint8Array([0xff, 0xfe, 0x00, 0x80]) }],
      [`${sandbox.url}/dopServer/rest/catalog/search?keyword=${'停'.repeat(10_000)}&pageNum=${huge}`],
      [`${sandbox.url}/dopServer/rest/catalog/%E0%A4%A`],
      [`${sandbox.url}/gateway/app/refreshTokenByKey.htm?appKey=%ZZ&requestTime=${huge}&sign=${'x'.repeat(10_000)}`],
      [`${sandbox.url}/gateway/app/refreshTokenBySec.htm`, { method: 'POST', body: 'appKey=&requestTime=&sign=' }],
      [`${sandbox.url}${verifyPath}?certNo=%00&name=%F0%9F`],
      [`${sandbox.url}/gateway/api/%ZZ/dataSharing/%E0.htm`],
    ];
    for (const [url, init] of requests) {
      const response = await sandbox.fetch(url, init);
      expect([200, 404]).toContain(response.status);
      if (response.status === 200) {
        const body = await response.json();
        expect(body.status === 0 || body.status === 1 || typeof body.code === 'string').toBe(true);
      }
    }
  });

  it('serves the same answers over real HTTP', async () => {
    const sandbox = createSandbox({ seed: 2 });
    const { url, close } = await sandbox.listen({ port: 0 });
    try {
      const response = await fetch(`${url}/jdop_front/interfaces/cata_hz-parking-lots/get_data.do?appsecret=${appSecret}&pageSize=2`);
      const body = await response.json();
      expect(body.status).toBe(1);
      expect(body.data).toHaveLength(2);
      const missing = await fetch(`${url}/nowhere`);
      expect(missing.status).toBe(404);
    } finally {
      await close();
    }
  });
});
