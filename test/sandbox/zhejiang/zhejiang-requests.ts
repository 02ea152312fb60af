import { createHash } from 'node:crypto';
import { defaultSandboxCredentials, type Sandbox } from '../../../src/sandbox/index.js';

/** Helpers shared by the zhejiang flavor's tests: URLs, signatures and a movable clock. */

export const appSecret = defaultSandboxCredentials.appSecret;
export const appKey = defaultSandboxCredentials.appKey;

/** Computed with node:crypto, independently of the sandbox's own md5. */
export function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function query(params: Record<string, string | number>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) search.set(name, String(value));
  return search.toString();
}

export function openDataUrl(sandbox: Sandbox, id: string, name: 'get_data' | 'get_total' | 'get_dataupdate_date', params: Record<string, string | number> = {}): string {
  return `${sandbox.url}/jdop_front/interfaces/cata_${id}/${name}.do?${query({ appsecret: appSecret, ...params })}`;
}

export async function getJson(sandbox: Sandbox, url: string, init?: RequestInit): Promise<any> {
  const response = await sandbox.fetch(url, init);
  expectJson200(response);
  return response.json();
}

function expectJson200(response: Response): void {
  if (response.status !== 200) throw new Error(`expected HTTP 200, got ${response.status}`);
  if (!/application\/json/.test(response.headers.get('content-type') ?? '')) throw new Error('expected a JSON answer');
}

/** A clock the test moves by hand. */
export function movableClock(start = '2026-11-20T00:00:00.000Z'): { clock: () => Date; advance(ms: number): void; now(): number } {
  let now = new Date(start).getTime();
  return {
    clock: () => new Date(now),
    advance(ms) {
      now += ms;
    },
    now: () => now,
  };
}

/** A Shanghai `YYYY-MM-DD HH:mm:ss` computed without the sandbox's formatter. */
export function shanghai(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Decodes `data`/`datas` until it is not a string, as clients must. */
export function decoded(value: unknown): any {
  let current = value;
  while (typeof current === 'string') current = JSON.parse(current);
  return current;
}

export async function refreshByKey(sandbox: Sandbox, requestTime: number): Promise<any> {
  const sign = md5(appKey + appSecret + requestTime);
  return getJson(sandbox, `${sandbox.url}/gateway/app/refreshTokenByKey.htm?${query({ appKey, requestTime, sign })}`);
}

export async function refreshBySecret(sandbox: Sandbox, refreshSecret: string, requestTime: number): Promise<any> {
  const sign = md5(appKey + refreshSecret + requestTime);
  return getJson(sandbox, `${sandbox.url}/gateway/app/refreshTokenBySec.htm?${query({ appKey, requestTime, sign })}`);
}

export const verifyPath = '/gateway/api/001008001/dataSharing/practitionerVerify.htm';

export async function verify(sandbox: Sandbox, requestSecret: string, requestTime: number, business: Record<string, string>): Promise<any> {
  const sign = md5(appKey + requestSecret + requestTime);
  return getJson(sandbox, `${sandbox.url}${verifyPath}?${query({ appKey, requestTime, sign, ...business })}`);
}
