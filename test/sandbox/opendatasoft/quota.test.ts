import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { apiKey, get } from './ods-call.js';

describe('the daily quota of the opendatasoft flavor', () => {
  it('answers the 10,001st anonymous call of a day with the quota 429 until the next UTC day', async () => {
    let now = new Date('2026-11-26T10:00:00Z');
    const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 2, clock: () => now, extraDatasets: 0 });
    const first = await get(sandbox, '/catalog/datasets', { limit: 0 });
    expect(first.headers.get('x-ratelimit-limit')).toBe('10000');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('9999');
    for (let call = 1; call < 10_000; call++) await sandbox.fetch(`${sandbox.url}/api/explore/v2.1/catalog/datasets?limit=0`);

    const refused = await get(sandbox, '/catalog/datasets/nb-food-licenses/records');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      errorcode: 10002,
      reset_time: '2026-11-27T00:00:00Z',
      limit_time_unit: 'day',
      call_limit: 10000,
      error: 'Too many requests on the domain. Please contact the domain administrator.',
    });
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');

    const keyed = await get(sandbox, '/catalog/datasets/nb-food-licenses/records', {}, apiKey(sandbox));
    expect(keyed.status).toBe(200);

    now = new Date('2026-11-27T00:00:01Z');
    expect((await get(sandbox, '/catalog/datasets')).status).toBe(200);
  });

  it('keeps one budget per sandbox', async () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const one = createSandbox({ flavor: 'opendatasoft', clock: () => now, extraDatasets: 0 });
    const two = createSandbox({ flavor: 'opendatasoft', clock: () => now, extraDatasets: 0 });
    await get(one, '/catalog/datasets', { limit: 0 });
    await get(one, '/catalog/datasets', { limit: 0 });
    expect((await get(two, '/catalog/datasets', { limit: 0 })).headers.get('x-ratelimit-remaining')).toBe('9999');
  });
});
