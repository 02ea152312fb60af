import { createHmac } from 'node:crypto';
import { defaultSandboxCredentials, type Sandbox } from '../../../src/sandbox/index.js';

/** Helpers for the data gateway (section A2) tests: fields, signs computed independently, calls. */

export const { appId, appSecret, userSecret } = defaultSandboxCredentials;

/** The fields of one call, by their wire names. */
export type Fields = Record<string, string>;

/** The fields a client sends, for an interface, business parameters and a timestamp. */
export function callFields(interfaceId: string, business: Record<string, unknown>, timestamp: number, overrides: Fields = {}): Fields {
  return {
    app_id: appId,
    interface_id: interfaceId,
    version: '1.0.0',
    charset: 'utf-8',
    timestamp: String(timestamp),
    origin: '0',
    biz_content: JSON.stringify(business),
    sign: '',
    ...overrides,
  };
}

/** The documented sign, computed with node:crypto, independently of the sandbox's own HMAC. */
export function expectedSign(fields: Fields, secret = appSecret): string {
  const names = ['app_id', 'biz_content', 'charset', 'interface_id', 'origin', 'timestamp', 'version'];
  const message = names.map((name) => `${name}=${fields[name] ?? ''}`).join('&');
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Step 1: `createsign.do` as a form POST; the response, not yet read. */
export function postCreateSign(sandbox: Sandbox, fields: Fields, base = sandbox.url): Promise<Response> {
  return sandbox.fetch(`${base}/jimp/sign/createsign.do`, { method: 'POST', headers: FORM, body: new URLSearchParams(fields).toString() });
}

/** Step 1, read: the sign, or `''` when refused. */
export async function createSign(sandbox: Sandbox, fields: Fields): Promise<string> {
  const response = await postCreateSign(sandbox, fields);
  if (response.status !== 200) throw new Error(`createsign.do answered HTTP ${response.status}`);
  return response.text();
}

/** How a call travels: a form POST, a GET with a query string, or one `param` JSON field. */
export type CallMode = 'form' | 'get' | 'param';

/** Step 2: `gateway.do`; the response, not yet read. */
export function postGateway(sandbox: Sandbox, fields: Fields, mode: CallMode = 'form'): Promise<Response> {
  const url = `${sandbox.url}/interface/gateway.do`;
  switch (mode) {
    case 'form':
      return sandbox.fetch(url, { method: 'POST', headers: FORM, body: new URLSearchParams(fields).toString() });
    case 'get':
      return sandbox.fetch(`${url}?${new URLSearchParams(fields).toString()}`);
    case 'param':
      return sandbox.fetch(url, { method: 'POST', headers: FORM, body: new URLSearchParams({ param: JSON.stringify(fields) }).toString() });
  }
}

/** Step 2, read: the outer envelope, checked to be JSON with HTTP 200. */
export async function callGateway(sandbox: Sandbox, fields: Fields, mode: CallMode = 'form'): Promise<any> {
  const response = await postGateway(sandbox, fields, mode);
  if (response.status !== 200) throw new Error(`gateway.do answered HTTP ${response.status}`);
  if (!/application\/json/.test(response.headers.get('content-type') ?? '')) throw new Error('gateway.do answered something other than JSON');
  return response.json();
}

/** Decodes a value until it is not a string, as clients must. */
export function decoded(value: unknown): any {
  let current = value;
  while (typeof current === 'string') current = JSON.parse(current);
  return current;
}

/**
 * Signs then calls, as a client does: the same fields and timestamp in both steps. Returns the
 * outer envelope and, on success, the business answer decoded from its `data`.
 */
export async function signAndCall(
  sandbox: Sandbox,
  interfaceId: string,
  business: Record<string, unknown>,
  timestamp: number,
  mode: CallMode = 'form',
): Promise<{ sign: string; outer: any; inner: any }> {
  const fields = callFields(interfaceId, business, timestamp);
  const sign = await createSign(sandbox, fields);
  if (sign === '') throw new Error(`createsign.do refused to sign ${interfaceId}`);
  const outer = await callGateway(sandbox, { ...fields, sign }, mode);
  return { sign, outer, inner: outer.code === 200 ? JSON.parse(outer.data) : undefined };
}

/** The data gateway description of a dataset, which the sandbox exposes. */
export function gatewayOf(sandbox: Sandbox, datasetId: string) {
  const dataset = sandbox.datasets.find((candidate) => candidate.id === datasetId);
  if (!dataset?.dataGateway) throw new Error(`${datasetId} has no data gateway interfaces`);
  return dataset.dataGateway;
}
