/**
 * Incremental update benchmarks on the sandbox portal: `tsx bench/sync-bench.ts [--quick]`.
 * Prints a markdown table; `bench/run.ts` calls `runSyncBench`.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient, FileCheckpointStore, MemoryCheckpointStore, portals, type Checkpoint } from '../src/index.js';
import { createSandbox, type Sandbox } from '../src/sandbox/index.js';
import { median } from './statistics.js';

const DATASET = 'nb-food-licenses';

/** How far the sandbox clock moves on between runs: past the sync's 60 s overlap, so a pull reads one run's changes. */
const RUN_GAP = 5 * 60_000;

function setup(flavor: 'zhejiang' | 'ckan', rows: number): { sandbox: Sandbox; client: ReturnType<typeof createClient>; key: string; nextRun: () => void } {
  let offset = 0;
  // No page cache: a pull right after a mutation reads fresh pages, and the full read that follows
  // would otherwise get them warm, comparing a cold read with a warm one.
  const sandbox = createSandbox({ flavor, seed: 11, sizes: { [DATASET]: rows }, sqlEnabled: flavor === 'ckan', pageCache: 0, clock: () => new Date(Date.now() + offset) });
  const portal = flavor === 'zhejiang' ? portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }) : portals.ckan({ baseUrl: sandbox.url });
  return { sandbox, client: createClient({ portal, fetch: sandbox.fetch, cache: false }), key: flavor === 'zhejiang' ? 'XKZBH' : 'license_no', nextRun: () => (offset += RUN_GAP) };
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/** Wall time and process CPU time of `task`, in ms: the sandbox runs in this process, so CPU time covers both ends. */
async function measured(task: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const wall = await timed(task);
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** A plain full read of the dataset, the baseline every ratio is against. */
async function fullRead(client: ReturnType<typeof createClient>, pageSize: number): Promise<void> {
  let rows = 0;
  for await (const _row of client.datasets.records(DATASET, { pageSize })) rows++;
  if (rows === 0) throw new Error('empty read');
}

/**
 * Median wall and CPU time of a pull after 1% of rows changed, and of a plain full read of the
 * same data, on one flavor. Which of the two goes first alternates, so load from other processes
 * lands on both alike.
 */
async function onePercent(flavor: 'zhejiang' | 'ckan', rows: number, runs: number, strategy: 'change-check' | 'modified-since') {
  const { sandbox, client, key, nextRun } = setup(flavor, rows);
  const pageSize = flavor === 'zhejiang' ? 200 : 1000;
  const sync = client.sync(DATASET, { key, store: new MemoryCheckpointStore(), strategy, pageSize, keyScanEvery: 1_000_000 });
  await sync.pull();
  const pulls: { wall: number; cpu: number }[] = [];
  const reads: { wall: number; cpu: number }[] = [];
  const noChange: number[] = [];
  for (let run = 0; run < runs; run++) {
    noChange.push(await timed(() => sync.pull()));
    // Without it, every modified-since pull would re-read all earlier runs' changes through the overlap.
    if (strategy === 'modified-since') nextRun();
    sandbox.mutate({ dataset: DATASET, update: Math.round(rows * 0.006), add: Math.round(rows * 0.002), remove: Math.round(rows * 0.002) });
    if (run % 2 === 0) {
      pulls.push(await measured(() => sync.pull()));
      reads.push(await measured(() => fullRead(client, pageSize)));
    } else {
      reads.push(await measured(() => fullRead(client, pageSize)));
      pulls.push(await measured(() => sync.pull()));
    }
  }
  return {
    pull: median(pulls.map((item) => item.wall)),
    read: median(reads.map((item) => item.wall)),
    pullCpu: median(pulls.map((item) => item.cpu)),
    readCpu: median(reads.map((item) => item.cpu)),
    noChange: median(noChange),
  };
}

/** A synthetic checkpoint of `keys` USCC-like keys. */
function bigCheckpoint(keys: number): Checkpoint {
  const hashes = new Map<string, number>();
  for (let index = 0; index < keys; index++) hashes.set(`91330200MA${index.toString(36).toUpperCase().padStart(8, '0')}`, (index * 2654435761) % 2 ** 52);
  return {
    format: 1, portal: 'zhejiang', baseUrl: 'http://sandbox.kaifang.test', dataset: 'nb-business-licenses', key: 'TYSHXYDM', strategy: 'change-check',
    version: { updatedAt: new Date(0).toISOString(), total: keys }, modifiedColumn: null, watermark: null, pullsSinceKeyScan: 0, savedAt: new Date(0).toISOString(), hashes,
  };
}

async function checkpointAtScale(keys: number, runs: number) {
  const dir = await mkdtemp(join(tmpdir(), 'kaifang-sync-bench-'));
  try {
    const store = new FileCheckpointStore(dir);
    await store.save('nb-business-licenses', bigCheckpoint(keys));
    const size = (await stat(store.describe('nb-business-licenses'))).size;
    const loads: number[] = [];
    let rss = 0;
    for (let run = 0; run < runs; run++) {
      (globalThis as { gc?: () => void }).gc?.();
      const before = process.memoryUsage().rss;
      let loaded: Checkpoint | undefined;
      loads.push(await timed(async () => {
        loaded = await store.load('nb-business-licenses');
      }));
      rss = Math.max(rss, process.memoryUsage().rss - before);
      if (loaded?.hashes.size !== keys) throw new Error('checkpoint lost keys');
      loaded = undefined;
    }
    return { size, load: median(loads), rss };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the sync benchmarks and returns a markdown table. */
export async function runSyncBench(options: { quick: boolean }): Promise<string> {
  const rows = options.quick ? 5_000 : 100_000;
  const runs = options.quick ? 1 : 5;
  const keys = options.quick ? 100_000 : 1_020_000;
  const zhejiang = await onePercent('zhejiang', rows, runs, 'change-check');
  const ckan = await onePercent('ckan', rows, runs, 'modified-since');
  const big = await checkpointAtScale(keys, runs);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mb = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MB`;
  const lines = [
    `| sync (${rows.toLocaleString('en')} rows, median of ${runs}; CPU = process CPU time, sandbox included) | measured | goal |`,
    '| --- | --- | --- |',
    `| no-change pull, zhejiang | ${ms(zhejiang.noChange)} (0 data pages) | 1 cheap round |`,
    `| no-change pull, ckan | ${ms(ckan.noChange)} (0 data pages) | 1 cheap round |`,
    `| 1% changed, zhejiang full pull + diff vs plain full read | wall ${ms(zhejiang.pull)} vs ${ms(zhejiang.read)} = ${(zhejiang.pull / zhejiang.read).toFixed(2)}×; CPU ${ms(zhejiang.pullCpu)} vs ${ms(zhejiang.readCpu)} = ${(zhejiang.pullCpu / zhejiang.readCpu).toFixed(2)}× | ≤ 1.15× |`,
    `| 1% changed, ckan modified-since vs plain full read | wall ${ms(ckan.pull)} vs ${ms(ckan.read)} = ${((ckan.pull / ckan.read) * 100).toFixed(1)}%; CPU ${ms(ckan.pullCpu)} vs ${ms(ckan.readCpu)} = ${((ckan.pullCpu / ckan.readCpu) * 100).toFixed(1)}% | ≤ 5% |`,
    `| checkpoint of ${keys.toLocaleString('en')} keys: file size | ${mb(big.size)} | ≤ 40 MB |`,
    `| checkpoint of ${keys.toLocaleString('en')} keys: load time | ${ms(big.load)} | ≤ 1 s |`,
    `| checkpoint of ${keys.toLocaleString('en')} keys: RSS growth on load | ${mb(big.rss)} | ≤ 100 MB |`,
    '',
    'Each run changes 1% of the rows (0.6% updated, 0.2% added, 0.2% removed), then times the pull and a plain full read, alternating which goes first. On ckan the sandbox clock moves on 5 minutes between runs, as between two polls: the pull then reads one run\'s changes, not every earlier run\'s again through the 60 s overlap.',
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runSyncBench({ quick: process.argv.includes('--quick') }));
}
