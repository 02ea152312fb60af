import { createClient, portals, type Client, type ClientOptions } from '../../../src/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.js';

/** A sandbox of the opendatasoft flavor, a client of it over in-process fetch, and every URL sent. */
export function odsClient(sandboxOptions: SandboxOptions = {}, clientOptions: Partial<ClientOptions> = {}, apiKey?: string) {
  const sandbox: Sandbox = createSandbox({ flavor: 'opendatasoft', extraDatasets: 2, ...sandboxOptions });
  const urls: string[] = [];
  const client: Client = createClient({
    portal: portals.opendatasoft({ baseUrl: sandbox.url, ...(apiKey ? { apiKey } : {}) }),
    fetch: (request) => {
      urls.push(request.url);
      return sandbox.fetch(request);
    },
    retry: { retries: 3, minDelay: 1, maxDelay: 5 },
    cache: false,
    ...clientOptions,
  });
  const count = (fragment: string) => urls.filter((url) => new URL(url).pathname.includes(fragment)).length;
  return { sandbox, client, urls, count };
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf<E extends Error = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
