import { createClient, portals, type Client, type ClientOptions } from '../../src/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

/** Every request a client sent, as URLs, so tests can count and inspect them. */
export interface RequestLog {
  readonly urls: string[];
  /** Requests whose path contains `fragment`. */
  count(fragment?: string): number;
}

export interface SandboxClient {
  readonly sandbox: Sandbox;
  readonly client: Client;
  readonly requests: RequestLog;
}

/** Settings that keep retries fast in tests. */
export const FAST_RETRY = { retries: 3, minDelay: 1, maxDelay: 5 } as const;

/** A fetch that records each request's URL before handing it to `fetch`. */
export function countingFetch(fetch: (request: Request) => Promise<Response>): { fetch: (request: Request) => Promise<Response>; requests: RequestLog } {
  const urls: string[] = [];
  const requests: RequestLog = {
    urls,
    count: (fragment) => (fragment === undefined ? urls.length : urls.filter((url) => new URL(url).pathname.includes(fragment)).length),
  };
  return {
    requests,
    fetch: (request) => {
      urls.push(request.url);
      return fetch(request);
    },
  };
}

/**
 * A sandbox of the given flavor and a client of it over the sandbox's in-process fetch, with the
 * sandbox's credentials, fast retries and no cache unless the test asks.
 */
export function sandboxClient(sandboxOptions: SandboxOptions = {}, clientOptions: Partial<ClientOptions> = {}): SandboxClient {
  const sandbox = createSandbox({ extraDatasets: 4, ...sandboxOptions });
  const { fetch, requests } = countingFetch((request) => sandbox.fetch(request));
  const portal =
    sandbox.flavor === 'ckan'
      ? portals.ckan({ baseUrl: sandbox.url })
      : portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret, appKey: sandbox.credentials.appKey });
  const client = createClient({ portal, fetch, retry: FAST_RETRY, cache: false, ...clientOptions });
  return { sandbox, client, requests };
}

/** The sandbox's current row count of a dataset. */
export function rowCount(sandbox: Sandbox, id: string): number {
  const dataset = sandbox.datasets.find((item) => item.id === id);
  if (!dataset) throw new Error(`The sandbox has no dataset ${id}`);
  return dataset.count;
}
