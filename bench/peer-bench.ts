/**
 * Peer benchmark: kaifang against the portals' own JavaScript clients, each on a sandbox served
 * over loopback by a child process (`--serve <flavor> <rows>` runs that child).
 *
 * - `@opendatasoft/api-client` as its README shows it: a loop of `/records` pages of 100 rows,
 *   the most Explore's `/records` gives. It stops at Explore's 10,000-row window; kaifang streams
 *   `exports/jsonl` and goes on.
 * - `soda-js` as its README shows it: `$limit` / `$offset` pages without `$order`. soda-js only
 *   speaks https, so its requests are sent to the loopback server over http (see `patchSodaJs`).
 *   SODA 2.1 takes large pages, so each client is measured at several page sizes and compared at
 *   its own fastest, as a careful user would tune it.
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
/** Explore's largest `/records` page. */
const ODS_PAGE = 100;
/** Goals of issue 14: kaifang's speed over each peer's. */
const ODS_GOAL = 3;
const SODA_GOAL = 1;
// The package ships a UMD build without ESM exports that Node can link by name.
const { ApiClient, fromCatalog } = createRequire(import.meta.url)('@opendatasoft/api-client') as typeof import('@opendatasoft/api-client');

type Flavor = 'socrata' | 'opendatasoft';
type ParentMessage = { kind: 'mutate'; update: number } | { kind: 'stats' };
type ChildMessage = { kind: 'ready'; url: string } | { kind: 'mutated'; updated: number } | { kind: 'stats'; cpuMicros: number; requests: number };

/** A sandbox served by a child process, which can be told to update rows mid-pull. */
interface PeerServer {
  readonly url: string;
  mutate(update: number): Promise<void>;
  /** The server's CPU time so far (µs) and the requests it has answered. */
  stats(): Promise<{ cpuMicros: number; requests: number }>;
  stop(): Promise<void>;
}

function nextMessage<K extends ChildMessage['kind']>(child: ChildProcess, kind: K): Promise<Extract<ChildMessage, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<ChildMessage, { kind: K }>);
    };
    const onExit = (code: number | null) => reject(new Error(`peer sandbox exited with code ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function startServer(flavor: Flavor, rows: number): Promise<PeerServer> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', flavor, String(rows)], { cwd: ROOT, execArgv: ['--import', 'tsx'] });
  const ready = await nextMessage(child, 'ready');
  const ask = <K extends ChildMessage['kind']>(message: ParentMessage, answer: K) => {
    const done = nextMessage(child, answer);
    child.send(message);
    return done;
  };
  return {
    url: ready.url,
    async mutate(update) {
      await ask({ kind: 'mutate', update }, 'mutated');
    },
    stats: () => ask({ kind: 'stats' }, 'stats'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/** The child side: serve, warm the dataset past its cold-start 202, answer mutations and stats. */
async function serve(flavor: Flavor, rows: number): Promise<void> {
  const sandbox = createSandbox({ flavor, seed: 1, extraDatasets: 0, sizes: { [DATASET]: rows } });
  const server = await sandbox.listen({ port: 0 });
  if (flavor === 'socrata') await fetch(`${server.url}/resource/${DATASET}.json?$limit=1`, { headers: { 'X-App-Token': TOKEN } });
  const send = (message: ChildMessage) => process.send?.(message);
  process.on('message', (message: ParentMessage) => {
    if (message.kind === 'mutate') {
      send({ kind: 'mutated', updated: sandbox.mutate({ dataset: DATASET, update: message.update }).updated.length });
    } else {
      const usage = process.cpuUsage();
      send({ kind: 'stats', cpuMicros: usage.user + usage.system, requests: sandbox.stats.requests });
    }
  });
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  send({ kind: 'ready', url: server.url });
}

/** One pull: wall time, this process's CPU time (the client's), the server's CPU time and requests. */
interface Sample {
  readonly ms: number;
  readonly clientMs: number;
  readonly serverMs: number;
  readonly requests: number;
}

/** Median of each measure over the runs, and the keys the last run read. */
interface Measured extends Sample {
  readonly keys: readonly string[];
}

/** What one peer loop read: rows, and the error that stopped it, if any. */
interface LoopResult {
  readonly keys: string[];
  readonly stoppedBy: string | undefined;
}

async function sample(server: PeerServer, task: () => Promise<readonly string[]>): Promise<Sample & { keys: readonly string[] }> {
  const before = await server.stats();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const keys = await task();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const after = await server.stats();
  return { ms, clientMs: (used.user + used.system) / 1000, serverMs: (after.cpuMicros - before.cpuMicros) / 1000, requests: after.requests - before.requests, keys };
}

/**
 * Runs every task `runs` times, taking turns within each run so a change in the machine's load
 * hits them alike, and returns each task's medians. Every task must read `rows` rows.
 */
async function measureTurns<K extends string>(server: PeerServer, runs: number, rows: number, tasks: Record<K, () => Promise<readonly string[]>>): Promise<Record<K, Measured>> {
  const samples = new Map<K, (Sample & { keys: readonly string[] })[]>();
  for (let run = 0; run < runs; run++) {
    for (const name of Object.keys(tasks) as K[]) {
      const result = await sample(server, tasks[name]);
      if (result.keys.length !== rows) throw new Error(`${name} read ${result.keys.length} rows, expected ${rows}`);
      samples.set(name, [...(samples.get(name) ?? []), result]);
    }
  }
  const medians = {} as Record<K, Measured>;
  for (const [name, runsOf] of samples) {
    medians[name] = {
      ms: median(runsOf.map((run) => run.ms)),
      clientMs: median(runsOf.map((run) => run.clientMs)),
      serverMs: median(runsOf.map((run) => run.serverMs)),
      requests: median(runsOf.map((run) => run.requests)),
      keys: runsOf[runsOf.length - 1]?.keys ?? [],
    };
  }
  return medians;
}

/** The api-client README's loop: `/records` pages until a short page. */
async function odsApiClientLoop(url: string, rows: number): Promise<LoopResult> {
  const client = new ApiClient({ domain: url });
  const keys: string[] = [];
  for (let offset = 0; offset < rows; offset += ODS_PAGE) {
    const query = fromCatalog().dataset(DATASET).records().limit(ODS_PAGE).offset(offset);
    try {
      const page = await client.get<{ results: Record<string, unknown>[] }>(query);
      for (const row of page.results) keys.push(String(row[KEY]));
      if (page.results.length < ODS_PAGE) break;
    } catch (error) {
      return { keys, stoppedBy: error instanceof Error ? error.message.slice(0, 120) : String(error) };
    }
  }
  return { keys, stoppedBy: undefined };
}

/** Each row's key, the rows themselves left to the garbage collector as the peer loops leave theirs. */
async function keysOf(rows: AsyncIterable<Record<string, unknown>>): Promise<string[]> {
  const keys: string[] = [];
  for await (const row of rows) keys.push(String(row[KEY]));
  return keys;
}

async function kaifangOds(url: string): Promise<string[]> {
  const client = createClient({ portal: portals.opendatasoft({ baseUrl: url }), cache: false });
  return keysOf(client.datasets.records(DATASET));
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
async function sodaJsLoop(url: string, pageSize: number, during?: () => Promise<void>): Promise<string[]> {
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
  return keys;
}

/** kaifang on socrata with `pageSize`-row pages; `during` runs after the first page arrives. */
async function kaifangSocrata(url: string, pageSize: number, during?: () => Promise<void>): Promise<string[]> {
  let pages = 0;
  // The measured pulls use the platform fetch as it is; only the pull with an update in it is watched.
  const watched: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (new URL(new Request(input, init).url).pathname.startsWith('/resource/') && ++pages === 1 && during) await during();
    return response;
  };
  const client = createClient({ portal: portals.socrata({ baseUrl: url, appToken: TOKEN }), cache: false, ...(during ? { fetch: watched } : {}) });
  return keysOf(client.datasets.records(DATASET, { pageSize }));
}

function duplicates(keys: readonly string[]): number {
  return keys.length - new Set(keys).size;
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${integer(value)} ms`;
/** `speed-up ×, verdict`: how much faster kaifang is, and whether that meets the goal. */
const verdict = (peer: Measured, ours: Measured, goal: number) => {
  const speedUp = peer.ms / ours.ms;
  return `${speedUp.toFixed(2)}× ${speedUp >= goal ? 'yes' : '**no**'}`;
};
const measures = (result: Measured) => `${integer(result.requests)} | ${ms(result.ms)} | ${ms(result.clientMs)} | ${ms(result.serverMs)}`;

/** Runs every comparison and returns the results as markdown. */
export async function runPeerBench(options: { quick: boolean }): Promise<string> {
  const runs = options.quick ? 3 : 5;
  const big = options.quick ? 30_000 : 100_000;
  const sodaRows = options.quick ? 10_000 : 50_000;
  const odsRows = 10_000;
  // SODA 2.1 has no page limit of its own; the sandbox, like SODA 2.0, takes up to 50,000 rows.
  const sodaPageSizes = options.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
  const lines: string[] = [
    '## Peer clients',
    '',
    `Loopback servers in a child process (the sandbox, seed 1, \`${DATASET}\`); each client runs in this process. Medians of ${runs} runs, the clients taking turns within each run. Requests are those the server answered during a pull; client CPU is this process's own CPU time during it, server CPU the server process's. Both clients read every row one page after another (kaifang's Socrata pages follow \`:id\`, so each needs the last one's end), so a pull's time is roughly the server's CPU plus the client's plus a round trip per request; kaifang's Opendatasoft export is one streamed answer that the client reads while the server writes it.`,
    '',
  ];
  patchSodaJs();

  const ods10k = await startServer('opendatasoft', odsRows);
  try {
    const result = await measureTurns(ods10k, runs, odsRows, {
      peer: async () => (await odsApiClientLoop(ods10k.url, odsRows)).keys,
      ours: () => kaifangOds(ods10k.url),
    });
    lines.push(
      `| opendatasoft, ${integer(odsRows)} rows | requests | time | client CPU | server CPU | kaifang speed-up, goal ≥ ${ODS_GOAL}× met |`,
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      `| @opendatasoft/api-client, ${ODS_PAGE}-row \`/records\` pages (the most \`/records\` gives) | ${measures(result.peer)} | |`,
      `| kaifang (catalogue entry, then a count and the \`exports/jsonl\` stream at once) | ${measures(result.ours)} | ${verdict(result.peer, result.ours, ODS_GOAL)} |`,
      '',
    );
  } finally {
    await ods10k.stop();
  }

  const odsBig = await startServer('opendatasoft', big);
  try {
    const peer = await odsApiClientLoop(odsBig.url, big);
    const ours = await measureTurns(odsBig, Math.min(runs, 3), big, { ours: () => kaifangOds(odsBig.url) });
    lines.push(`| opendatasoft, ${integer(big)} rows | rows read | time | note |`, '| --- | ---: | ---: | --- |');
    lines.push(`| @opendatasoft/api-client | ${integer(peer.keys.length)} | | stops at the 10,000-row window: ${peer.stoppedBy ?? 'no error'} |`);
    lines.push(`| kaifang | ${integer(ours.ours.keys.length)} | ${ms(ours.ours.ms)} | every row, ${duplicates(ours.ours.keys)} duplicates |`, '');
  } finally {
    await odsBig.stop();
  }

  const socrata = await startServer('socrata', sodaRows);
  try {
    const tasks: Record<string, () => Promise<readonly string[]>> = {};
    for (const pageSize of sodaPageSizes) {
      tasks[`soda-js ${pageSize}`] = () => sodaJsLoop(socrata.url, pageSize);
      tasks[`kaifang ${pageSize}`] = () => kaifangSocrata(socrata.url, pageSize);
    }
    const result = await measureTurns(socrata, runs, sodaRows, tasks);
    const fastest = (client: string) =>
      sodaPageSizes.reduce((best, pageSize) => ((result[`${client} ${pageSize}`] as Measured).ms < (result[`${client} ${best}`] as Measured).ms ? pageSize : best));
    const peerBest = fastest('soda-js');
    const oursBest = fastest('kaifang');
    const peer = result[`soda-js ${peerBest}`] as Measured;
    const ours = result[`kaifang ${oursBest}`] as Measured;
    lines.push(
      `Socrata: SODA 2.1 takes large pages (\`$limit\`; the sandbox, like SODA 2.0, up to 50,000 rows), so a careful user tries more than SODA's default of 1,000. Each client is measured at ${sodaPageSizes.map(integer).join(', ')} rows a page (soda-js's \`limit()\`, kaifang's \`pageSize\`) and compared at its own fastest. Over loopback a page costs almost no waiting, and the sandbox's CPU per row grows with the page's size (one \`JSON.stringify\` and one ETag over the whole answer), so small pages can win here; over a real network every page also costs a round trip, which favours the largest.`,
      '',
      `| socrata, ${integer(sodaRows)} rows | page size | requests | time | client CPU | server CPU |`,
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const pageSize of sodaPageSizes) {
      lines.push(`| soda-js (offset loop) | ${integer(pageSize)} | ${measures(result[`soda-js ${pageSize}`] as Measured)} |`);
      lines.push(`| kaifang (\`$order=:id\` keyset, typed cells) | ${integer(pageSize)} | ${measures(result[`kaifang ${pageSize}`] as Measured)} |`);
    }
    lines.push(
      '',
      `| socrata, ${integer(sodaRows)} rows, each at its fastest page size | page size | time | kaifang speed-up, goal ≥ ${SODA_GOAL}× met |`,
      '| --- | ---: | ---: | ---: |',
      `| soda-js | ${integer(peerBest)} | ${ms(peer.ms)} | |`,
      `| kaifang | ${integer(oursBest)} | ${ms(ours.ms)} | ${verdict(peer, ours, SODA_GOAL)} |`,
      '',
    );

    // 1,000-row pages, so that the update lands between pages of the pull.
    const update = Math.round(sodaRows / 20);
    const peerMoving = await sodaJsLoop(socrata.url, 1000, () => socrata.mutate(update));
    const oursMoving = await kaifangSocrata(socrata.url, 1000, () => socrata.mutate(update));
    lines.push(`| socrata, ${update} rows updated after the first of 1,000-row pages | rows read | distinct | duplicates | missed |`, '| --- | ---: | ---: | ---: | ---: |');
    for (const [name, keys] of [['soda-js / sodapy-style offset loop, no `$order`', peerMoving], ['kaifang', oursMoving]] as const) {
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
