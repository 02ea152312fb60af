import { describe, expect, it } from 'vitest';
import { createClient, portals } from '../../src/index.js';
import { foodLicense } from '../../src/ids/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { AT, foodRows, HOT_FOOD } from './verify-sandbox.js';

/** A socrata sandbox and a client over its in-process fetch; every request is kept with its status. */
function socrataVerify(cache: false | { max: number }) {
  const sandbox = createSandbox({ flavor: 'socrata', seed: 7, extraDatasets: 0, sizes: { 'nb-food-licenses': 400 } });
  const seen: { url: URL; status: number }[] = [];
  const client = createClient({
    portal: portals.socrata({ baseUrl: sandbox.url, appToken: sandbox.credentials.apiToken, pollInterval: 1 }),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const response = await sandbox.fetch(request);
      seen.push({ url: new URL(request.url), status: response.status });
      return response;
    },
    cache,
    retry: { retries: 1, minDelay: 1, maxDelay: 2 },
  });
  /** Row reads that filtered by `$where`, from this point on. */
  const whereReads = () => seen.filter(({ url }) => url.pathname.endsWith('/nb-food-licenses.json') && url.searchParams.get('$where')?.includes('license_no'));
  return { sandbox, client, seen, whereReads };
}

describe('food licence verification on socrata', () => {
  it('runs remotely through $where in auto mode and gives every status', async () => {
    const { client, whereReads } = socrataVerify(false);
    const rows = await foodRows(client);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT });
    expect(await verifier.mode()).toBe('remote');

    const valid = await verifier.verify({ number: rows.valid.number, holder: rows.valid.holder, activity: HOT_FOOD });
    expect(valid.status).toBe('valid');
    expect(valid.source).toMatchObject({ portal: 'socrata', dataset: 'nb-food-licenses', mode: 'remote' });
    expect((await verifier.verify({ number: rows.expired.number })).status).toBe('expired');
    expect((await verifier.verify({ number: rows.revoked.number })).status).toBe('revoked');
    expect((await verifier.verify({ number: rows.valid.number, holder: '宁波别家餐饮有限公司' })).status).toBe('holder_mismatch');
    expect((await verifier.verify({ number: rows.retailer.number, activity: HOT_FOOD })).status).toBe('out_of_scope');
    const first13 = '2330203999999';
    const missing = `JY${first13}${foodLicense.checkDigit(first13) as string}`;
    expect(rows.rows.some((row) => row.number === missing)).toBe(false);
    expect((await verifier.verify({ number: missing })).status).toBe('not_found');
    expect((await verifier.verify({ number: 'JY123' })).status).toBe('invalid_format');

    // Five distinct well-formed numbers; the malformed one never reaches the portal.
    const reads = whereReads();
    expect(reads).toHaveLength(5);
    expect(reads[0]?.url.searchParams.get('$where')).toBe(`license_no = '${rows.valid.number}'`);
  });

  it('asks the portal once per distinct number, however often it repeats', async () => {
    const { client, whereReads } = socrataVerify({ max: 100 });
    const rows = await foodRows(client);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT, mode: 'remote' });
    await verifier.mode();
    const before = whereReads().length;
    const items = [rows.valid, rows.expired, rows.valid, rows.valid, rows.expired, rows.valid].map((row) => ({ number: row.number }));
    const verdicts = await verifier.verifyMany(items, { concurrency: 4 });
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['valid', 'expired', 'valid', 'valid', 'expired', 'valid']);
    expect(whereReads().length - before).toBe(2);
  });

  it('reads a changed licence after refresh(), not the earlier answer', async () => {
    const { sandbox, client } = socrataVerify({ max: 100 });
    const rows = await foodRows(client);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT, mode: 'remote' });
    expect((await verifier.verify({ number: rows.valid.number })).status).toBe('valid');
    sandbox.mutate({ dataset: 'nb-food-licenses', update: [{ license_no: rows.valid.number, status: '吊销' }] });
    await verifier.refresh();
    expect((await verifier.verify({ number: rows.valid.number })).status).toBe('revoked');
  });
});
