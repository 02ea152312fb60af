import { describe, expect, it } from 'vitest';
import { guardOpenClass } from '../../src/compliance/index.js';
import { AuthError, ForbiddenDataError, createClient, portals } from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import type { PortalDefinition } from '../../src/portals/portal-adapter.js';

function counted(flavor: 'zhejiang' | 'socrata', rewrite?: (url: string, body: string) => string) {
  const sandbox = createSandbox({ flavor, seed: 3 });
  const urls: string[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    urls.push(request.url);
    const response = await sandbox.fetch(request);
    if (!rewrite) return response;
    const text = await response.text();
    return new Response(rewrite(request.url, text), { status: response.status, headers: response.headers });
  };
  return { sandbox, urls, fetch };
}

function guardedClient(definition: PortalDefinition, fetch: (request: Request) => Promise<Response>, credentials: boolean) {
  return createClient({
    fetch,
    retry: { retries: 2, minDelay: 1, maxDelay: 5 },
    portal: { ...definition, create: (transport) => guardOpenClass(definition.create(transport), { credentials }) },
  });
}

describe('open classes', () => {
  it('refuses a forbidden zhejiang dataset with ForbiddenDataError after only the catalogue call', async () => {
    const { sandbox, urls, fetch } = counted('zhejiang', (url, body) => (url.includes('/catalog/nb-food-licenses') ? body.replace('"openType":1', '"openType":3') : body));
    const client = guardedClient(portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }), fetch, true);
    await expect(client.datasets.records('nb-food-licenses', { limit: 1 }).toArray()).rejects.toBeInstanceOf(ForbiddenDataError);
    expect(urls.every((url) => url.includes('/catalog/'))).toBe(true);
  });

  it('refuses a restricted dataset without credentials with an AuthError naming the data-use application', async () => {
    const { sandbox, urls, fetch } = counted('zhejiang');
    const client = guardedClient(portals.zhejiang({ baseUrl: sandbox.url }), fetch, false);
    const error = await client.datasets.records('zj-medical-practitioners', { limit: 1 }).toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('data-use application');
    expect(urls.some((url) => url.includes('get_data'))).toBe(false);
  });

  it('lets an unconditional socrata dataset through', async () => {
    const { sandbox, fetch } = counted('socrata');
    const client = guardedClient(portals.socrata({ baseUrl: sandbox.url, pollInterval: 1 }), fetch, false);
    expect(await client.datasets.records('hz-parking-lots', { limit: 2 }).toArray()).toHaveLength(2);
  });
});
