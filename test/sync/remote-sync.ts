import { createClient, portals } from '../../src/index.js';
import { createSandbox, type FaultOptions } from '../../src/sandbox/index.js';

export const DATASET = 'nb-food-licenses';
export const KEY = 'license_no';

/** The two flavors whose sync reads rows by modification time. */
export type RemoteFlavor = 'socrata' | 'opendatasoft';

/**
 * A sandbox of the flavor whose clock the test moves (row dates have whole seconds, so mutations
 * one hour apart are told apart), and a client whose requests take a millisecond, as any real one does.
 */
export function remoteSync(flavor: RemoteFlavor, faults?: FaultOptions) {
  let now = new Date('2026-11-26T08:00:00Z').getTime();
  const sandbox = createSandbox({ flavor, seed: 7, extraDatasets: 0, sizes: { [DATASET]: 300 }, clock: () => new Date(now), ...(faults ? { faults } : {}) });
  const seen: { path: string; status: number }[] = [];
  const client = createClient({
    portal:
      flavor === 'socrata'
        ? portals.socrata({ baseUrl: sandbox.url, appToken: sandbox.credentials.apiToken, pollInterval: 1 })
        : portals.opendatasoft({ baseUrl: sandbox.url }),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const response = await sandbox.fetch(request);
      seen.push({ path: new URL(request.url).pathname, status: response.status });
      return response;
    },
    retry: { retries: 8, minDelay: 1, maxDelay: 5 },
  });
  const mutate = (options: { add?: number; update?: number; remove?: number }) => {
    now += 3_600_000;
    return sandbox.mutate({ dataset: DATASET, ...options });
  };
  return { sandbox, client, seen, mutate };
}
