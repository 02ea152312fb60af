import type { SandboxContext } from '../../flavor.js';

/** Who sent a request: no key, the sandbox's key, or a key the portal does not know. */
export type Caller = 'anonymous' | 'authorized' | 'invalid';

/**
 * Reads the API key as Explore accepts it: `Authorization: Apikey <key>` or `?apikey=<key>`.
 * The sandbox's key is `credentials.apiToken`.
 */
export function identifyCaller(request: Request, url: URL, context: SandboxContext): Caller {
  const header = request.headers.get('authorization');
  const fromHeader = header && /^apikey\s+/i.test(header) ? header.replace(/^apikey\s+/i, '').trim() : undefined;
  const key = fromHeader ?? url.searchParams.get('apikey') ?? undefined;
  if (key === undefined || key === '') return 'anonymous';
  return key === context.credentials.apiToken ? 'authorized' : 'invalid';
}
