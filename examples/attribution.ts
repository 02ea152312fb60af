/**
 * Who published a dataset, under which licence, and how to credit it — on the sandbox, offline.
 * Run: npx tsx examples/attribution.ts
 */
import { createClient, portals } from '../src/index.js';
import { createSandbox } from '../src/sandbox/index.js';

for (const flavor of ['zhejiang', 'ckan'] as const) {
  const sandbox = createSandbox({ flavor });
  const { appKey, appSecret, apiToken } = sandbox.credentials;
  const portal = flavor === 'zhejiang' ? portals.zhejiang({ baseUrl: sandbox.url, appKey, appSecret }) : portals.ckan({ baseUrl: sandbox.url, token: apiToken });
  const client = createClient({ portal, fetch: sandbox.fetch });

  for (const id of ['hz-parking-lots', 'zj-medical-practitioners']) {
    const terms = await client.datasets.terms(id);
    console.log(`[${flavor}] ${id}`);
    console.log(`  open class:   ${terms.openClass}`);
    console.log(`  licence:      ${terms.license.title ?? terms.license.id ?? 'not stated'}${terms.license.spdx ? ` (${terms.license.spdx})` : ''}`);
    console.log(`  attribution:  ${terms.attribution}`);
    for (const restriction of terms.restrictions) console.log(`  restriction:  ${restriction}`);
  }
}
