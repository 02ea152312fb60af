/**
 * Polls Hangzhou car parks on the sandbox portal, as a navigation app would every minute, and
 * prints the lots whose free spaces changed. The sandbox clock moves a minute per poll.
 *
 *   npx tsx examples/parking-poller.ts
 */
import { z } from 'zod';
import { createClient, MemoryCheckpointStore, portals } from '../src/index.js';
import { createSandbox } from '../src/sandbox/index.js';

let now = new Date('2026-06-01T08:00:00+08:00');
const sandbox = createSandbox({ flavor: 'zhejiang', clock: () => now });
const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }), fetch: sandbox.fetch });

const Lot = z.object({ TCCBH: z.string(), TCCMC: z.string(), KXBW: z.coerce.number(), ZBW: z.coerce.number() });
// Free spaces move every minute while the dataset's update date may lag behind, so a poller
// diffs a full read each time instead of trusting the change check.
const sync = client.sync('hz-parking-lots', { key: 'TCCBH', schema: Lot, store: new MemoryCheckpointStore(), strategy: 'full' });

const free = new Map<string, number>();
for (let poll = 1; poll <= 3; poll++) {
  const { added, updated, stats } = await sync.pull();
  let changed = 0;
  for (const lot of [...added, ...updated]) {
    const before = free.get(lot.TCCBH);
    if (before !== undefined && before !== lot.KXBW) {
      if (changed < 5) console.log(`  ${lot.TCCMC}: ${before} → ${lot.KXBW} free of ${lot.ZBW}`);
      changed++;
    }
    free.set(lot.TCCBH, lot.KXBW);
  }
  console.log(`poll ${poll} at ${now.toISOString()}: ${added.length} new lots, ${changed} lots with other free spaces (${stats.pages} pages, ${stats.duration.toFixed(0)} ms)`);
  now = new Date(now.getTime() + 60_000);
}
