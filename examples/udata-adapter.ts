/**
 * A portal kaifang does not ship, taught to it in two small files: the udata adapter
 * (`examples/udata/`, the platform behind data.gouv.fr) checked with `checkPortal`, then used
 * like any built-in family. It runs against a udata site kept in memory, so it needs no network;
 * give `udata()` the real URLs to read data.gouv.fr. See docs/writing-an-adapter.md.
 */
import { checkPortal } from '../src/adapter/index.js';
import { createClient } from '../src/index.js';
import { fakeUdataFetch } from './udata/fake-udata.js';
import { udata } from './udata/udata-portal.js';

const portal = udata({ baseUrl: 'https://www.data.gouv.fr', tabularUrl: 'https://tabular-api.data.gouv.fr' });

const report = await checkPortal(portal, { fetch: fakeUdataFetch, dataset: 'stationnement-velo-paris' });
for (const check of report.checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
console.log(`udata adapter: ${report.checks.filter((check) => check.ok).length} of ${report.checks.length} checks passed`);
if (!report.ok) process.exit(1);

const client = createClient({ portal, fetch: fakeUdataFetch });
const parking = await client.datasets.get('stationnement-velo-paris');
console.log(`${parking.title} (${parking.publisher?.name}), formats ${parking.formats.join(', ')}`);

// `where` runs on the portal (`arrondissement__exact=75011`); the engine pages and counts.
let spaces = 0;
for await (const row of client.datasets.records('stationnement-velo-paris', { where: { arrondissement: '75011' }, pageSize: 4 })) {
  spaces += Number(row['capacite']);
}
console.log(`75011: ${spaces} bicycle spaces`);
