import type { TestProject } from 'vitest/node';
import { createSandbox, type ListeningSandbox } from '../../src/sandbox/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of a zhejiang-flavor sandbox served over HTTP. */
    zhejiangUrl: string;
    /** Base URL of a ckan-flavor sandbox served over HTTP. */
    ckanUrl: string;
    /** Base URL of a ckan-flavor sandbox that answers 429 to the first request of each `x-run` header value. */
    faultyUrl: string;
    /** Seconds the faulty sandbox sends in `Retry-After`. */
    retryAfter: number;
  }
}

const SIZES = { 'nb-food-licenses': 300, 'nb-business-licenses': 200, 'zj-medical-practitioners': 200 };
const RETRY_AFTER = 1;

/**
 * Serves sandboxes on 127.0.0.1 from Node: the page runs on vitest's own origin, so every request
 * the client makes is cross-origin and goes through the sandbox's CORS headers.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const seen = new Set<string>();
  const servers: ListeningSandbox[] = await Promise.all([
    createSandbox({ flavor: 'zhejiang', seed: 3, extraDatasets: 2, sizes: SIZES }).listen(),
    createSandbox({ flavor: 'ckan', seed: 3, extraDatasets: 2, sizes: SIZES }).listen(),
    createSandbox({
      flavor: 'ckan',
      seed: 3,
      extraDatasets: 0,
      sizes: SIZES,
      faults: [
        {
          kind: 'rate-limit',
          retryAfter: RETRY_AFTER,
          times: Number.POSITIVE_INFINITY,
          // One 429 per test run id, so the suite can be re-run against the same server.
          match: (request) => {
            const run = request.headers.get('x-run');
            if (run === null || seen.has(run)) return false;
            seen.add(run);
            return true;
          },
        },
      ],
    }).listen(),
  ]);
  const [zhejiang, ckan, faulty] = servers as [ListeningSandbox, ListeningSandbox, ListeningSandbox];
  project.provide('zhejiangUrl', zhejiang.url);
  project.provide('ckanUrl', ckan.url);
  project.provide('faultyUrl', faulty.url);
  project.provide('retryAfter', RETRY_AFTER);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
