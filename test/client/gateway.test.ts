import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError, createClient, portals, RateLimitError } from '../../src/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { useMswServer } from '../http/msw-server.js';
import { FAST_RETRY, sandboxClient } from './sandbox-client.js';

const PRACTITIONERS = 'zj-medical-practitioners';
const server = useMswServer();

afterEach(() => {
  vi.useRealTimers();
});

interface Verification {
  match: boolean;
  found: boolean;
  category: string | null;
  status: string | null;
  institution: string | null;
}

/** A certificate number read through an approved app, and a name set on it through `mutate`. */
async function knownPractitioner(sandbox: Sandbox): Promise<{ certNo: string; name: string }> {
  const approved = createSandbox({ seed: sandbox.seed, extraDatasets: 0, sizes: { [PRACTITIONERS]: 50 }, approved: [PRACTITIONERS] });
  const reader = createClient({ portal: portals.zhejiang({ baseUrl: approved.url, appSecret: approved.credentials.appSecret }), fetch: approved.fetch });
  const [row] = await reader.datasets.records(PRACTITIONERS, { limit: 1 }).toArray();
  const certNo = String(row?.['ZSBM']);
  const name = '欧阳明远';
  sandbox.mutate({ dataset: PRACTITIONERS, update: [{ cert_no: certNo, name }] });
  return { certNo, name };
}

describe('gateway lookups (section C)', () => {
  it('answers match for the right name and no match for a wrong one, never the raw row', async () => {
    const { client, sandbox } = sandboxClient({ flavor: 'zhejiang', sizes: { [PRACTITIONERS]: 50 } });
    const { certNo, name } = await knownPractitioner(sandbox);
    const right = (await client.datasets.lookup(PRACTITIONERS, { certNo, name })) as Verification;
    expect(right).toMatchObject({ found: true, match: true });
    expect(right.category).toEqual(expect.any(String));
    expect(Object.keys(right).sort()).toEqual(['category', 'found', 'institution', 'match', 'status']);
    const wrong = (await client.datasets.lookup(PRACTITIONERS, { certNo, name: '张三' })) as Verification;
    expect(wrong).toMatchObject({ found: true, match: false });
    const unknown = (await client.datasets.lookup(PRACTITIONERS, { certNo: '999999999999999', name })) as Verification;
    expect(unknown).toEqual({ found: false, match: false, category: null, status: null, institution: null });
  });

  it.each([1, 2] as const)('decodes datas the portal encoded as a JSON string %i time(s)', async (encodeData) => {
    const { client, sandbox } = sandboxClient({ flavor: 'zhejiang', sizes: { [PRACTITIONERS]: 50 }, encodeData });
    const { certNo, name } = await knownPractitioner(sandbox);
    expect(await client.datasets.lookup(PRACTITIONERS, { certNo, name })).toMatchObject({ found: true, match: true });
    expect((await client.datasets.records('nb-food-licenses', { limit: 2 }).toArray())[0]).toHaveProperty('XKZBH');
  });

  it('fetches secrets once for many concurrent calls', async () => {
    const { client, requests } = sandboxClient({ flavor: 'zhejiang', sizes: { [PRACTITIONERS]: 50 } });
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.datasets.lookup(PRACTITIONERS, { certNo: '999999999999999', name: '张三' })));
    expect(answers).toHaveLength(20);
    expect(requests.count('refreshTokenByKey')).toBe(1);
    expect(requests.count('practitionerVerify')).toBe(20);
  });

  it('renews the request secret with the refresh secret shortly before it ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-11-20T00:00:00.000Z').getTime();
    vi.setSystemTime(start);
    const { client, requests } = sandboxClient({ flavor: 'zhejiang', sizes: { [PRACTITIONERS]: 50 } });
    const ask = () => client.datasets.lookup(PRACTITIONERS, { certNo: '999999999999999', name: '张三' });
    await ask();
    vi.setSystemTime(start + 10 * 60_000);
    await ask();
    expect(requests.count('refreshTokenBy')).toBe(1);
    // 30 s before the 15-minute request secret ends: inside the renewal margin.
    vi.setSystemTime(start + 15 * 60_000 - 30_000);
    await ask();
    expect(requests.count('refreshTokenByKey')).toBe(1);
    expect(requests.count('refreshTokenBySec')).toBe(1);
    expect(requests.count('practitionerVerify')).toBe(3);
  });

  it('renews once and retries once when the portal says the request secret expired (code 11)', async () => {
    let offset = 0;
    const { client, requests } = sandboxClient({ flavor: 'zhejiang', sizes: { [PRACTITIONERS]: 50 }, clock: () => new Date(Date.now() + offset) });
    const ask = () => client.datasets.lookup(PRACTITIONERS, { certNo: '999999999999999', name: '张三' });
    await ask();
    offset = 16 * 60_000;
    expect(await ask()).toMatchObject({ found: false });
    expect(requests.count('refreshTokenByKey')).toBe(1);
    expect(requests.count('refreshTokenBySec')).toBe(1);
    expect(requests.count('practitionerVerify')).toBe(3);
  });

  it('shares one renewal among concurrent calls that all hit an expired secret', async () => {
    let offset = 0;
    const { client, requests } = sandboxClient({ flavor: 'zhejiang', sizes: { [PRACTITIONERS]: 50 }, clock: () => new Date(Date.now() + offset) });
    const ask = () => client.datasets.lookup(PRACTITIONERS, { certNo: '999999999999999', name: '张三' });
    await ask();
    offset = 16 * 60_000;
    const answers = await Promise.all(Array.from({ length: 12 }, ask));
    expect(answers.every((answer) => (answer as Verification).found === false)).toBe(true);
    expect(requests.count('refreshTokenBy')).toBe(2);
  });

  it('starts over from the app key when another client invalidated the secrets (code 14)', async () => {
    const { client, sandbox, requests } = sandboxClient({ flavor: 'zhejiang', sizes: { [PRACTITIONERS]: 50 } });
    const other = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret, appKey: sandbox.credentials.appKey }), fetch: sandbox.fetch });
    const ask = (on = client) => on.datasets.lookup(PRACTITIONERS, { certNo: '999999999999999', name: '张三' });
    await ask();
    await ask(other);
    expect(await ask()).toMatchObject({ found: false });
    expect(requests.count('refreshTokenByKey')).toBe(2);
  });

  it('gives up with an AuthError after one renewal when the signature is refused again (code 14)', async () => {
    const sandbox = createSandbox({ extraDatasets: 0, sizes: { [PRACTITIONERS]: 50 } });
    const counts = { renew: 0, verify: 0 };
    server.use(
      http.all('*', ({ request }) => {
        if (request.url.includes('refreshToken')) counts.renew++;
        if (request.url.includes('practitionerVerify')) {
          counts.verify++;
          return HttpResponse.json({ code: '14', msg: '签名错误', datas: null });
        }
        return sandbox.handler(request);
      }),
    );
    const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret, appKey: sandbox.credentials.appKey }), retry: FAST_RETRY });
    const error = await client.datasets.lookup(PRACTITIONERS, { certNo: '1', name: '张三' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('The gateway refused the signature (code 14: 签名错误)');
    expect(counts).toEqual({ renew: 2, verify: 2 });
  });

  it('turns a quota answer (code 18) into a RateLimitError without retrying at once', async () => {
    const sandbox = createSandbox({ extraDatasets: 0, sizes: { [PRACTITIONERS]: 50 } });
    const counts = { verify: 0 };
    server.use(
      http.all('*', ({ request }) => {
        if (request.url.includes('practitionerVerify')) {
          counts.verify++;
          return HttpResponse.json({ code: '18', msg: '调用次数超过限制', datas: null });
        }
        return sandbox.handler(request);
      }),
    );
    const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret, appKey: sandbox.credentials.appKey }), retry: FAST_RETRY });
    const error = await client.datasets.lookup(PRACTITIONERS, { certNo: '1', name: '张三' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toContain('Gateway quota exceeded (code 18: 调用次数超过限制)');
    expect(counts.verify).toBe(1);
  });

  it('refuses a wrong app secret with an AuthError when fetching secrets', async () => {
    const sandbox = createSandbox({ extraDatasets: 0, sizes: { [PRACTITIONERS]: 50 } });
    const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: 'not-the-secret', appKey: sandbox.credentials.appKey }), fetch: sandbox.fetch });
    const error = await client.datasets.lookup(PRACTITIONERS, { certNo: '1', name: '张三' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('The gateway refused the app credentials (code 14: 签名错误)');
  });
});
