/**
 * Peer benchmark: kaifang against the portals' own JavaScript clients, each on a sandbox served
 * over loopback by a child process (`--serve <flavor> <rows>` runs that child).
 *
 * - `@opendatasoft/api-client` as its README shows it: a loop of 100-row `/records` pages. It stops
 *   at Explore's 10,000-row window; kaifang streams `exports/jsonl` and goes on.
 * - `soda-js` as its README shows it: `$limit` / `$offset` pages without `$order`. soda-js only
 *   speaks https, so its requests are sent to the loopback server over http (see `patchSodaJs`).
 * - Duplicates: rows updated during a pull move to the end of the socrata sandbox's unordered
 *   (heap) order, so an offset loop without `$order` reads them twice; kaifang pages by `:id`.
 *
 * Run: `npx tsx bench/peer-bench.ts [--quick]`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createClient, portals } from '../src/index.js';
import { createSandbox } from '../src/sandbox/index.js';
import { median } from './statistics.js';

const DATASET = 'nb-business-licenses';
const KEY = 'credit_code';
const TOKEN = 'kaifang-sandbox-token';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The package ships a UMD build without ESM exports that Node can link by name.
const { ApiClient, fromCatalog } = createRequire(import.meta.url)('@opendatasoft/api-client') as typeof import('@opendatasoft/api-client');

type Flavor = 'socrata' | 'opendatasoft';
type ChildMessage = { kind: 'ready'; url: string } | { kind: 'mutated'; updated: number };

/** A sandbox served by a child process, which can be told to update rows mid-pull. */
interface PeerServer {
  readonly url: string;
  mutate(update: number): Promise<void>;
  stop(): Promise<void>;
}

function nextMessage(child: ChildProcess, kind: ChildMessage['kind']): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => reject(new Error(`peer sandbox exited with code ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function startServer(flavor: Flavor, rows: number): Promise<PeerServer> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', flavor, String(rows)], { cwd: ROOT, execArgv: ['--import', 'tsx'] });
  const ready = (await nextMessage(child, 'ready')) as { kind: 'ready'; url: string };
  return {
    url: ready.url,
    async mutate(update) {
      const done = nextMessage(child, 'mutated');
      child.send({ update });
      await done;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/** The child side: serve, warm the dataset past its cold-start 202, answer mutations. */
async function serve(flavor: Flavor, rows: number): Promise<void> {
  const sandbox = createSandbox({ flavor, seed: 1, extraDatasets: 0, sizes: { [DATASET]: rows } });
  const server = await sandbox.listen({ port: 0 });
  if (flavor === 'socrata') await fetch(`${server.url}/resource/${DATASET}.json?$limit=1`, { headers: { 'X-App-Token': TOKEN } });
  process.on('message', (message: { update: number }) => {
    const result = sandbox.mutate({ dataset: DATASET, update: message.update });
    process.send?.({ kind: 'mutated', updated: result.updated.length } satisfies ChildMessage);
  });
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  process.send?.({ kind: 'ready', url: server.url } satisfies ChildMessage);
}

/** Wall time of `task` in ms, and its result. */
async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await task();
  return { ms: performance.now() - start, value };
}

/** Medians of `runs` timings of `task`; the last result is kept. */
async function measure<T>(runs: number, task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let run = 0; run < runs; run++) {
    const result = await timed(task);
    times.push(result.ms);
    value = result.value;
  }
  return { ms: median(times), value: value as T };
}

/** What one peer loop read: rows, and the error that stopped it, if any. */
interface LoopResult {
  readonly keys: string[];
  readonly stoppedBy: string | undefined;
}

/** The api-client README's loop: 100-row `/records` pages until a short page. */
async function odsApiClientLoop(url: string, rows: number): Promise<LoopResult> {
  const client = new ApiClient({ domain: url });
  const keys: string[] = [];
  for (let offset = 0; offset < rows; offset += 100) {
    const query = fromCatalog().dataset(DATASET).records().limit(100).offset(offset);
    try {
      const page = await client.get<{ results: Record<string, unknown>[] }>(query);
      for (const row of page.results) keys.push(String(row[KEY]));
      if (page.results.length < 100) break;
    } catch (error) {
      return { keys, stoppedBy: error instanceof Error ? error.message.slice(0, 120) : String(error) };
    }
  }
  return { keys, stoppedBy: undefined };
}

async function kaifangOds(url: string): Promise<string[]> {
  const client = createClient({ portal: portals.opendatasoft({ baseUrl: url }), cache: false });
  return (await client.datasets.records(DATASET).toArray()).map((row) => String(row[KEY]));
}

/**
 * soda-js hard-codes `https://`; the loopback sandbox speaks http. Its HTTP library is rewritten
 * to send the same request over http, changing nothing else.
 */
function patchSodaJs(): void {
  const sodaRequire = createRequire(createRequire(import.meta.url).resolve('soda-js'));
  const superagent = sodaRequire('superagent') as { Request: { prototype: { request: (...args: unknown[]) => unknown } } };
  const open = superagent.Request.prototype.request;
  superagent.Request.prototype.request = function (this: { url: string }, ...args: unknown[]) {
    this.url = this.url.replace(/^https:\/\//, 'http://');
    return open.apply(this, args);
  };
}

interface SodaConsumer {
  query(): { withDataset(id: string): SodaQuery };
}
interface SodaQuery {
  limit(n: number): SodaQuery;
  offset(n: number): SodaQuery;
  getRows(): { on(event: 'success', listener: (rows: Record<string, unknown>[]) => void): unknown; on(event: 'error', listener: (error: unknown) => void): unknown };
}

/** soda-js's offset loop without `$order` (as its README and sodapy's `get_all` page); `during` runs after the first page. */
async function sodaJsLoop(url: string, pageSize: number, during?: () => Promise<void>): Promise<LoopResult> {
  const soda = createRequire(import.meta.url)('soda-js') as { Consumer: new (host: string, options: { apiToken: string }) => SodaConsumer };
  const keys: string[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const consumer = new soda.Consumer(new URL(url).host, { apiToken: TOKEN });
    const page = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const emitter = consumer.query().withDataset(DATASET).limit(pageSize).offset(offset).getRows();
      emitter.on('success', resolve);
      emitter.on('error', reject);
    });
    for (const row of page) keys.push(String(row[KEY]));
    if (offset === 0 && during) await during();
    if (page.length < pageSize) break;
  }
  return { keys, stoppedBy: undefined };
}

/** kaifang on socrata with 1000-row pages; `during` runs after the first page arrives. */
async function kaifangSocrata(url: string, pageSize: number, during?: () => Promise<void>): Promise<string[]> {
  let pages = 0;
  const client = createClient({
    portal: portals.socrata({ baseUrl: url, appToken: TOKEN }),
    cache: false,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (new URL(new Request(input, init).url).pathname.startsWith('/resource/') && ++pages === 1 && during) await during();
      return response;
    },
  });
  return (await client.datasets.records(DATASET, { pageSize }).toArray()).map((row) => String(row[KEY]));
}

function duplicates(keys: readonly string[]): number {
  return keys.length - new Set(keys).size;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const ratio = (peer: number, ours: number) => `${(peer / ours).toFixed(1)}×`;

/** Runs every comparison and returns the results as markdown. */
export async function runPeerBench(options: { quick: boolean }): Promise<string> {
  const runs = options.quick ? 3 : 5;
  const big = options.quick ? 30_000 : 100_000;
  const sodaRows = options.quick ? 10_000 : 50_000;
  const lines: string[] = ['## Peer clients', '', `Loopback servers in a child process; medians of ${runs} runs.`, ''];
  patchSodaJs();

  const ods10k = await startServer('opendatasoft', 10_000);
  try {
    const peer = await measure(runs, () => odsApiClientLoop(ods10k.url, 10_000));
    const ours = await measure(runs, () => kaifangOds(ods10k.url));
    lines.push('| opendatasoft, 10,000 rows | rows | time | kaifang speed-up |', '| --- | ---: | ---: | ---: |');
    lines.push(`| @opendatasoft/api-client, 100-row pages | ${peer.value.keys.length} | ${fmt(peer.ms)} | |`);
    lines.push(`| kaifang (exports/jsonl stream) | ${ours.value.length} | ${fmt(ours.ms)} | ${ratio(peer.ms, ours.ms)} (goal ≥ 3×) |`, '');
  } finally {
    await ods10k.stop();
  }

  const odsBig = await startServer('opendatasoft', big);
  try {
    const peer = await odsApiClientLoop(odsBig.url, big);
    const ours = await measure(Math.min(runs, 3), () => kaifangOds(odsBig.url));
    lines.push(`| opendatasoft, ${big.toLocaleString('en')} rows | rows read | time | note |`, '| --- | ---: | ---: | --- |');
    lines.push(`| @opendatasoft/api-client | ${peer.keys.length} | | stops at the 10,000-row window: ${peer.stoppedBy ?? 'no error'} |`);
    lines.push(`| kaifang | ${ours.value.length} | ${fmt(ours.ms)} | every row, ${duplicates(ours.value)} duplicates |`, '');
  } finally {
    await odsBig.stop();
  }

  const socrata = await startServer('socrata', sodaRows);
  try {
    const peer = await measure(runs, () => sodaJsLoop(socrata.url, 1000));
    const ours = await measure(runs, () => kaifangSocrata(socrata.url, 1000));
    lines.push(`| socrata, ${sodaRows.toLocaleString('en')} rows, 1,000-row pages | rows | time | kaifang speed-up |`, '| --- | ---: | ---: | ---: |');
    lines.push(`| soda-js (offset loop) | ${peer.value.keys.length} | ${fmt(peer.ms)} | |`);
    lines.push(`| kaifang (\`$order=:id\` keyset, typed cells) | ${ours.value.length} | ${fmt(ours.ms)} | ${ratio(peer.ms, ours.ms)} (goal ≥ 1×) |`, '');

    const update = Math.round(sodaRows / 20);
    const peerMoving = await sodaJsLoop(socrata.url, 1000, () => socrata.mutate(update));
    const oursMoving = await kaifangSocrata(socrata.url, 1000, () => socrata.mutate(update));
    lines.push(`| socrata, ${update} rows updated during the pull | rows read | distinct | duplicates | missed |`, '| --- | ---: | ---: | ---: | ---: |');
    for (const [name, keys] of [['soda-js / sodapy-style offset loop, no `$order`', peerMoving.keys], ['kaifang', oursMoving]] as const) {
      const distinct = new Set(keys).size;
      lines.push(`| ${name} | ${keys.length} | ${distinct} | ${duplicates(keys)} | ${sodaRows - distinct} |`);
    }
    lines.push('');
  } finally {
    await socrata.stop();
  }
  return lines.join('\n');
}

const args = process.argv.slice(2);
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (args[0] === '--serve') await serve(args[1] as Flavor, Number(args[2]));
  else process.stdout.write(`${await runPeerBench({ quick: args.includes('--quick') })}\n`);
}
