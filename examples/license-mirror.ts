/**
 * Keeps a local JSONL mirror of Ningbo food business licenses with `sync.run` and a file
 * checkpoint: the checkpoint moves only after the mirror was written, so a crash replays
 * changes instead of losing them.
 *
 *   npx tsx examples/license-mirror.ts
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, FileCheckpointStore, portals, type Change } from '../src/index.js';
import { createSandbox } from '../src/sandbox/index.js';

const dir = await mkdtemp(join(tmpdir(), 'kaifang-mirror-'));
const mirrorFile = join(dir, 'nb-food-licenses.jsonl');
const sandbox = createSandbox({ flavor: 'zhejiang', sizes: { 'nb-food-licenses': 2000 } });
const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }), fetch: sandbox.fetch });
const sync = client.sync('nb-food-licenses', { key: 'XKZBH', store: new FileCheckpointStore(dir) });

const mirror = new Map<string, unknown>();

/** Applies a batch to the mirror and writes it out; only then may the checkpoint move. */
async function apply(batch: Change<Record<string, unknown>>[]): Promise<void> {
  for (const change of batch) {
    if (change.type === 'delete') mirror.delete(change.key);
    else mirror.set(change.key, change.record);
  }
  await writeFile(mirrorFile, [...mirror.values()].map((row) => JSON.stringify(row)).join('\n'));
}

try {
  const first = await sync.run(apply, { batchSize: 1000 });
  console.log(`first run: ${first.added.length} licenses mirrored`);

  const mutation = sandbox.mutate({ dataset: 'nb-food-licenses', add: 3, update: 2, remove: 1 });
  const second = await sync.run(apply);
  console.log(`second run: ${second.added.length} added, ${second.updated.length} updated, ${second.removed.length} removed`);
  for (const row of second.added) console.log(`  + ${String(row['XKZBH'])} ${String(row['JYZMC'])}`);
  for (const row of second.updated) console.log(`  ~ ${String(row['XKZBH'])} ${String(row['JYZMC'])}`);
  for (const key of second.removed) console.log(`  - ${key}`);
  const lines = (await readFile(mirrorFile, 'utf8')).split('\n').length;
  console.log(`mirror has ${lines} lines; the sandbox changed ${mutation.added.length + mutation.updated.length + mutation.removed.length} rows`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
