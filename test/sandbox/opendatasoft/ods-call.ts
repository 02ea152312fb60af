import type { Sandbox } from '../../../src/sandbox/index.js';

/** The sandbox clock of these tests: a fixed instant, so quota days are predictable. */
export const NOW = new Date('2026-11-26T10:00:00Z');

/** Calls an Explore v2.1 path of the sandbox and decodes a JSON answer. */
export async function get(sandbox: Sandbox, path: string, query: Record<string, string | number> = {}, headers: Record<string, string> = {}) {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  const qs = search.toString();
  const response = await sandbox.fetch(`${sandbox.url}/api/explore/v2.1${path}${qs ? `?${qs}` : ''}`, { headers });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** The header that carries the sandbox's API key. */
export function apiKey(sandbox: Sandbox): Record<string, string> {
  return { authorization: `Apikey ${sandbox.credentials.apiToken}` };
}
