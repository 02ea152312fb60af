import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.js';

export const clock = () => new Date('2026-11-26T08:00:00Z');

/** A socrata sandbox with a fixed clock and few extra datasets. */
export function socrataSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox({ flavor: 'socrata', seed: 3, clock, extraDatasets: 2, ...options });
}

/** GET a path with the app token (unless `token` is null) and read the JSON body. */
export async function soda(sandbox: Sandbox, path: string, token: string | null = sandbox.credentials.apiToken, headers: Record<string, string> = {}) {
  const response = await sandbox.fetch(`${sandbox.url}${path}`, { headers: { ...(token === null ? {} : { 'x-app-token': token }), ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** A `/resource` query string from SoQL parameters. */
export function rows(id: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `/resource/${id}.json${query ? `?${query}` : ''}`;
}

/** Warms a dataset past its one cold-start 202. */
export async function warm(sandbox: Sandbox, id: string): Promise<void> {
  await soda(sandbox, rows(id, { $limit: '1' }));
}
