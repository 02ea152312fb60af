import type { Sandbox } from '../../../src/sandbox/index.js';

/** A decoded answer of the sandbox. */
export interface CkanAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: any;
}

/** Fixed clock of the ckan tests, so dates in answers are exact. */
export const NOW = new Date('2026-11-20T00:00:00Z');

/** GETs an action with query parameters (objects are sent as JSON strings, as CKAN clients do). */
export async function get(
  sandbox: Sandbox,
  action: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<CkanAnswer> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  const query = search.toString();
  return send(sandbox, `${sandbox.url}/api/3/action/${action}${query ? `?${query}` : ''}`, { headers });
}

/** POSTs an action with a JSON body. */
export async function post(sandbox: Sandbox, action: string, body: unknown, headers: Record<string, string> = {}): Promise<CkanAnswer> {
  return send(sandbox, `${sandbox.url}/api/3/action/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Any request; the body is parsed as JSON when it is JSON. */
export async function send(sandbox: Sandbox, url: string, init: RequestInit = {}): Promise<CkanAnswer> {
  const response = await sandbox.fetch(url, init);
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, contentType, body: contentType.includes('json') ? JSON.parse(text) : text };
}

/** The token header that unlocks private datasets. */
export function auth(sandbox: Sandbox): Record<string, string> {
  return { Authorization: sandbox.credentials.apiToken };
}
