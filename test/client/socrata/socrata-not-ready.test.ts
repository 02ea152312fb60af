import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, NotReadyError, portals, type RetryEvent } from '../../../src/index.js';
import { createSandbox } from '../../../src/sandbox/index.js';
import { countRequests, useMswServer } from '../../http/msw-server.js';

const server = useMswServer();

const preparing = () => HttpResponse.json({ message: 'Dataset hz-parking-lots is being prepared for querying; please retry shortly' }, { status: 202 });

/**
 * A Socrata site served by the sandbox through msw, whose `/resource` answers come from `respond`
 * (given the request's number, from 1) or else from the sandbox. The sandbox's own cold start is off.
 */
function socrataSite(respond: (count: number) => Response | undefined) {
  const sandbox = createSandbox({ flavor: 'socrata', seed: 5, extraDatasets: 0, sizes: { 'hz-parking-lots': 50 } });
  const resource = countRequests((request) => respond(resource.seen.length) ?? sandbox.fetch(request));
  server.use(
    http.get(`${sandbox.url}/resource/hz-parking-lots.json`, resource.handler),
    http.all(`${sandbox.url}/*`, ({ request }) => sandbox.fetch(request)),
  );
  const retries: RetryEvent[] = [];
  const client = createClient({
    portal: portals.socrata({ baseUrl: sandbox.url, appToken: sandbox.credentials.apiToken, pollInterval: 1 }),
    retry: { retries: 3, minDelay: 1, maxDelay: 5 },
    cache: false,
    hooks: { onRetry: (event) => retries.push(event) },
  });
  return { client, resource: resource.seen, retries };
}

describe('a Socrata dataset that is still being prepared (202)', () => {
  it('is asked again once after a 202 and then returns its rows', async () => {
    const { client, resource, retries } = socrataSite((count) => (count === 1 ? preparing() : undefined));
    const rows = await client.datasets.records('hz-parking-lots', { limit: 5 }).toArray();
    expect(rows).toHaveLength(5);
    expect(resource).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toBeInstanceOf(NotReadyError);
    // The 202 gave no Retry-After: the portal's pollInterval is the wait.
    expect(retries[0]?.delay).toBe(1);
  });

  it('waits what a 202’s Retry-After names', async () => {
    const { client, resource, retries } = socrataSite((count) =>
      count === 1 ? HttpResponse.json({ message: 'preparing' }, { status: 202, headers: { 'retry-after': '0' } }) : undefined,
    );
    await expect(client.datasets.records('hz-parking-lots', { limit: 1 }).toArray()).resolves.toHaveLength(1);
    expect(resource).toHaveLength(2);
    expect(retries.map((event) => event.delay)).toEqual([0]);
  });

  it('gives up with a NotReadyError after the retries when the dataset stays in preparation', async () => {
    const { client, resource } = socrataSite(() => preparing());
    const error = await client.datasets.records('hz-parking-lots', { limit: 5 }).toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotReadyError);
    expect(error).toMatchObject({ status: 202, retryAfter: 1, code: 'NOT_READY' });
    expect((error as NotReadyError).message).toMatch(
      /^GET http:\/\/\S+\/resource\/hz-parking-lots\.json\?\S+ → the answer is not ready yet \(202\): Dataset hz-parking-lots is being prepared for querying; please retry shortly$/,
    );
    expect(resource).toHaveLength(4);
  });
});
