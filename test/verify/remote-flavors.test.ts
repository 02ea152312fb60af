import { describe, expect, it } from 'vitest';
import { createClient, portals, type ClientOptions } from '../../src/index.js';
import { foodLicense } from '../../src/ids/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { AT, foodRows, HOT_FOOD } from './verify-sandbox.js';

/** What differs between the two flavors that filter rows on the server. */
interface RemoteFlavor {
  readonly flavor: 'opendatasoft' | 'socrata';
  readonly portal: (sandbox: Sandbox) => ClientOptions['portal'];
  /** Path ending of a row read, and its filter parameter. */
  readonly rowsPath: string;
  readonly filter: string;
  /** The filter the verifier sends for one licence number. */
  readonly filterFor: (number: string) => string;
}

const FLAVORS: readonly RemoteFlavor[] = [
  {
    flavor: 'opendatasoft',
    portal: (sandbox) => portals.opendatasoft({ baseUrl: sandbox.url }),
    rowsPath: '/nb-food-licenses/records',
    filter: 'where',
    filterFor: (number) => `license_no = "${number}"`,
  },
  {
    flavor: 'socrata',
    portal: (sandbox) => portals.socrata({ baseUrl: sandbox.url, appToken: sandbox.credentials.apiToken, pollInterval: 1 }),
    rowsPath: '/nb-food-licenses.json',
    filter: '$where',
    filterFor: (number) => `license_no = '${number}'`,
  },
];

/** A sandbox of the flavor and a client over its in-process fetch; every request is kept with its status. */
function remoteVerify(remote: RemoteFlavor, cache: false | { max: number }) {
  const sandbox = createSandbox({ flavor: remote.flavor, seed: 7, extraDatasets: 0, sizes: { 'nb-food-licenses': 400 } });
  const seen: URL[] = [];
  const client = createClient({
    portal: remote.portal(sandbox),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push(new URL(request.url));
      return sandbox.fetch(request);
    },
    cache,
    retry: { retries: 1, minDelay: 1, maxDelay: 2 },
  });
  /** Row reads that filtered by licence number. */
  const filteredReads = () => seen.filter((url) => url.pathname.endsWith(remote.rowsPath) && url.searchParams.get(remote.filter)?.includes('license_no'));
  return { sandbox, client, filteredReads };
}

describe.each(FLAVORS)('food licence verification on $flavor', (remote) => {
  it(`runs remotely through ${remote.filter} in auto mode and gives every status`, async () => {
    const { client, filteredReads } = remoteVerify(remote, false);
    const rows = await foodRows(client);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT });
    expect(await verifier.mode()).toBe('remote');

    const valid = await verifier.verify({ number: rows.valid.number, holder: rows.valid.holder, activity: HOT_FOOD });
    expect(valid.status).toBe('valid');
    expect(valid.source).toMatchObject({ portal: remote.flavor, dataset: 'nb-food-licenses', mode: 'remote' });
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
    const reads = filteredReads();
    expect(reads).toHaveLength(5);
    expect(reads[0]?.searchParams.get(remote.filter)).toBe(remote.filterFor(rows.valid.number));
  });

  it('asks the portal once per distinct number, however often it repeats', async () => {
    const { client, filteredReads } = remoteVerify(remote, { max: 100 });
    const rows = await foodRows(client);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT, mode: 'remote' });
    await verifier.mode();
    const before = filteredReads().length;
    const items = [rows.valid, rows.expired, rows.valid, rows.valid, rows.expired, rows.valid].map((row) => ({ number: row.number }));
    const verdicts = await verifier.verifyMany(items, { concurrency: 4 });
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['valid', 'expired', 'valid', 'valid', 'expired', 'valid']);
    expect(filteredReads().length - before).toBe(2);
  });

  it('reads a changed licence after refresh(), not the earlier answer', async () => {
    const { sandbox, client } = remoteVerify(remote, { max: 100 });
    const rows = await foodRows(client);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT, mode: 'remote' });
    expect((await verifier.verify({ number: rows.valid.number })).status).toBe('valid');
    sandbox.mutate({ dataset: 'nb-food-licenses', update: [{ license_no: rows.valid.number, status: '吊销' }] });
    await verifier.refresh();
    expect((await verifier.verify({ number: rows.valid.number })).status).toBe('revoked');
  });
});
