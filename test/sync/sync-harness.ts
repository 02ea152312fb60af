import { createClient, portals, type ClientOptions } from '../../src/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

/** Dataset and key column of the food licenses in each flavor. */
export const FOOD = {
  zhejiang: { dataset: 'nb-food-licenses', key: 'XKZBH' },
  ckan: { dataset: 'nb-food-licenses', key: 'license_no' },
} as const;

export interface Harness {
  readonly sandbox: Sandbox;
  readonly client: ReturnType<typeof createClient>;
  /** Request paths seen so far, in order. */
  readonly paths: string[];
}

/** A sandbox with small datasets and a client on it whose requests are recorded by path. */
export function harness(options: SandboxOptions & { flavor: 'zhejiang' | 'ckan' }, client: Partial<ClientOptions> = {}): Harness {
  const sandbox = createSandbox({ seed: 7, sizes: { 'nb-food-licenses': 300 }, ...options });
  const paths: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    paths.push(url.pathname.split('/').pop() ?? url.pathname);
    return sandbox.fetch(request);
  };
  const portal =
    options.flavor === 'zhejiang'
      ? portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret })
      : portals.ckan({ baseUrl: sandbox.url });
  return { sandbox, client: createClient({ portal, fetch, retry: { retries: 3, minDelay: 1, maxDelay: 5 }, ...client }), paths };
}

/** Sorted strings, for comparing key sets. */
export function sorted(values: readonly (string | number)[]): string[] {
  return values.map(String).sort();
}
