import { describe, expect, it } from 'vitest';
import { createTransport } from '../../../src/http/index.js';
import { portals } from '../../../src/index.js';
import { createSandbox } from '../../../src/sandbox/index.js';

describe('socrata changes reader', () => {
  it('reads exactly the rows modified since an instant, in (:updated_at, :id) order, across pages', async () => {
    const sandbox = createSandbox({ flavor: 'socrata', seed: 6, clock: () => new Date('2026-11-26T08:00:00Z'), extraDatasets: 0, sizes: { 'nb-food-licenses': 500 } });
    const adapter = await portals.socrata({ baseUrl: sandbox.url, appToken: sandbox.credentials.apiToken, pollInterval: 1 }).load(createTransport({ fetch: sandbox.fetch, cache: false }));
    const since = new Date('2026-11-25T00:00:00Z');
    const mutation = sandbox.mutate({ dataset: 'nb-food-licenses', update: 4, add: 3 });
    expect(await adapter.probeChanges?.('nb-food-licenses', {})).toEqual({ columns: expect.arrayContaining([':updated_at', ':id', 'license_no']) });
    const reader = await adapter.openChanges?.('nb-food-licenses', { modifiedColumn: ':updated_at', key: ':id', since, pageSize: 2 }, {});
    if (reader?.kind !== 'cursor') throw new Error('expected a cursor reader');
    const keys: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await reader.fetchPage(cursor, {});
      keys.push(...page.rows.map((row) => row['license_no']));
      cursor = page.cursor;
    } while (cursor !== undefined);
    expect(keys.sort()).toEqual([...mutation.updated, ...mutation.added].sort());
  });
});
