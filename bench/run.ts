/**
 * `npm run bench`: sandbox throughput over loopback and the client's full pull against
 * hand-written fetch loops. Writes `docs/benchmarks.md`; `--quick` runs a small, single-run
 * version and only prints the table.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runJsonChild, startServer, type ServerChild } from './child-process.js';
import { PAGE_SIZE } from './page-url.js';
import { pullVariants, type PullVariant } from './pull-variants.js';
import { formatReport } from './report.js';
import { LATENCY_MS, pullStarts, type BenchResults, type PullResult, type PullStart, type ServeResult, type ServerMode } from './results.js';
import { median } from './statistics.js';

interface Size {
  readonly rows: number;
  /** Arguments of `bench/sandbox-server.ts` that give the dataset this many rows. */
  readonly serverArgs: readonly string[];
  /** Cold pulls always; warm pulls too where the JIT's warm-up is a large share of a pull. */
  readonly starts: readonly PullStart[];
}

interface Plan {
  readonly runs: number;
  readonly sizes: readonly Size[];
  readonly modes: readonly ServerMode[];
  readonly connections: readonly number[];
}

const quick = process.argv.includes('--quick');
/** `--only=client,latency,layers,sync,verify,files,csv,peers` runs some sections; all by default. */
const onlyArgument = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);
const sections = new Set((onlyArgument ?? 'client,latency,layers,sync,verify,files,csv,peers').split(','));
/** `--rows=100000` measures one dataset size instead of 100,000 and 1,020,000. */
const rowsArgument = process.argv.find((argument) => argument.startsWith('--rows='))?.slice('--rows='.length);
const plan: Plan = rowsArgument
  ? { runs: quick ? 1 : 5, sizes: [{ rows: Number(rowsArgument), serverArgs: ['--rows', rowsArgument], starts: ['cold', 'warm'] }], modes: ['computing', 'replaying'], connections: [1, 4] }
  : quick
  ? { runs: 1, sizes: [{ rows: 5_000, serverArgs: ['--rows', '5000'], starts: ['cold', 'warm'] }], modes: ['computing', 'replaying'], connections: [1, 4] }
  : {
      runs: 5,
      modes: ['computing', 'replaying'],
      sizes: [
        { rows: 100_000, serverArgs: ['--rows', '100000'], starts: ['cold', 'warm'] },
        // At 1.02M rows the warm-up is a small share of the first pull, and a warm run would take twice as long.
        { rows: 1_020_000, serverArgs: ['--full'], starts: ['cold'] },
      ],
      connections: [1, 4],
    };

/**
 * Rows of the `latency` section's pulls. At 30 ms a 200-row page the sequential loop reads at most
 * 6,667 rows/s: 20,000 rows (100 pages) take it at least 3 s, and a run of every variant, cold and
 * warm, about half a minute.
 */
const LATENCY_ROWS = quick ? 5_000 : 20_000;

const log = (message: string) => process.stderr.write(`${message}\n`);

/**
 * Runs a child while measuring the server's CPU time; returns the child's result and server µs per row.
 * The server's CPU is counted over the child's whole life, so it is divided by every row the child
 * read (`rowsRead`, when a warm pull read the dataset once before its measured pull).
 */
async function measured<T extends { rows: number; rowsRead?: number }>(server: ServerChild, run: () => Promise<T>): Promise<T & { serverMicrosPerRow: number }> {
  const before = await server.cpuMicros();
  const result = await run();
  const after = await server.cpuMicros();
  return { ...result, serverMicrosPerRow: (after - before) / (result.rowsRead ?? result.rows) };
}

async function measureServe(server: ServerChild, rows: number): Promise<ServeResult[]> {
  const samples = new Map<number, { rowsPerSecond: number; serverMicrosPerRow: number }[]>();
  for (let run = 1; run <= plan.runs; run++) {
    for (const connections of plan.connections) {
      const result = await measured(server, () =>
        runJsonChild<{ rows: number; ms: number }>('serve-throughput.ts', [
          '--url', server.url, '--secret', server.appSecret, '--pages', String(rows / PAGE_SIZE), '--concurrency', String(connections),
        ]),
      );
      const rowsPerSecond = result.rows / (result.ms / 1000);
      log(`serve ${connections} connection(s), run ${run}: ${Math.round(rowsPerSecond)} rows/s, server ${result.serverMicrosPerRow.toFixed(2)} µs/row`);
      samples.set(connections, [...(samples.get(connections) ?? []), { rowsPerSecond, serverMicrosPerRow: result.serverMicrosPerRow }]);
    }
  }
  return plan.connections.map((connections) => {
    const runs = samples.get(connections) ?? [];
    return {
      connections,
      rows,
      rowsPerSecond: median(runs.map((sample) => sample.rowsPerSecond)),
      serverMicrosPerRow: median(runs.map((sample) => sample.serverMicrosPerRow)),
    };
  });
}

async function measurePulls(server: ServerChild, rows: number, mode: ServerMode, start: PullStart): Promise<PullResult[]> {
  const samples = new Map<PullVariant, { ms: number; maxRssMb: number; serverMicrosPerRow: number; clientMicrosPerRow: number }[]>();
  // Variants take turns within each run, so a change in the machine's load hits them alike.
  for (let run = 1; run <= plan.runs; run++) {
    for (const variant of pullVariants) {
      const result = await measured(server, () =>
        runJsonChild<{ rows: number; rowsRead: number; ms: number; maxRssMb: number; clientMicrosPerRow: number }>('pull-child.ts', [
          '--variant', variant, '--url', server.url, '--secret', server.appSecret, '--rows', String(rows), '--start', start,
        ]),
      );
      log(`pull ${variant} ${rows} rows, ${mode} server, ${start}, run ${run}: ${(result.ms / 1000).toFixed(2)} s, RSS ${result.maxRssMb.toFixed(0)} MB, client ${result.clientMicrosPerRow.toFixed(2)} µs/row, server ${result.serverMicrosPerRow.toFixed(2)} µs/row`);
      samples.set(variant, [...(samples.get(variant) ?? []), result]);
    }
  }
  return pullVariants.map((variant) => {
    const runs = samples.get(variant) ?? [];
    const ms = median(runs.map((sample) => sample.ms));
    return {
      variant,
      rows,
      server: mode,
      start,
      ms,
      rowsPerSecond: rows / (ms / 1000),
      maxRssMb: Math.max(...runs.map((sample) => sample.maxRssMb)),
      serverMicrosPerRow: median(runs.map((sample) => sample.serverMicrosPerRow)),
      clientMicrosPerRow: median(runs.map((sample) => sample.clientMicrosPerRow)),
    };
  });
}

/** Reads every page once with the sequential loop, unmeasured. */
async function warmPages(server: ServerChild, rows: number): Promise<void> {
  await runJsonChild('pull-child.ts', ['--variant', 'sequential', '--url', server.url, '--secret', server.appSecret, '--rows', String(rows), '--start', 'cold']);
}

const loadBefore = loadavg()[0] as number;
const started = new Date();
const cores = cpus();
const serve: ServeResult[] = [];
const pulls: PullResult[] = [];

function results(): BenchResults {
  return {
    date: started,
    command: quick ? 'npm run bench -- --quick' : 'npm run bench',
    runs: plan.runs,
    machine: `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.versions.node}, ${process.platform}`,
    load: [loadBefore, loadavg()[0] as number],
    serve,
    pulls,
  };
}

const reportPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
// Sections measured by their own scripts (each also runnable alone), appended to the report.
const extraSections: string[] = [];
const report = () => [formatReport(results()), ...extraSections].join('\n');
for (const [index, size] of sections.has('client') ? plan.sizes.entries() : []) {
  for (const mode of plan.modes) {
    const server = await startServer([...size.serverArgs, ...(mode === 'replaying' ? ['--replay'] : [])]);
    try {
      if (mode === 'replaying') {
        // One read renders every page, so the measured pulls all replay; the serve loop is that read.
        if (index === 0) serve.push(...(await measureServe(server, size.rows)));
        else await warmPages(server, size.rows);
      }
      for (const start of size.starts) pulls.push(...(await measurePulls(server, size.rows, mode, start)));
    } finally {
      await server.stop();
    }
    // Written after every size and mode, so an interrupted run still records what it finished.
    if (!quick) await writeFile(reportPath, report());
  }
}

// A portal far away: the wait decides, but a cold pull's client CPU can still be in its way.
if (sections.has('latency')) {
  const server = await startServer(['--rows', String(LATENCY_ROWS), '--replay', '--latency', String(LATENCY_MS)]);
  try {
    // One read renders every page, so the measured pulls all replay.
    await warmPages(server, LATENCY_ROWS);
    for (const start of pullStarts) pulls.push(...(await measurePulls(server, LATENCY_ROWS, 'distant', start)));
  } finally {
    await server.stop();
  }
  if (!quick) await writeFile(reportPath, report());
}

const scripts: [string, (options: { quick: boolean }) => Promise<string>][] = [
  ['layers', async (options) => (await import('./layer-bench.js')).runLayerBench(options)],
  ['sync', async (options) => (await import('./sync-bench.js')).runSyncBench(options)],
  ['verify', async (options) => (await import('./verify-bench.js')).runVerifyBench(options)],
  ['files', async (options) => (await import('./files-bench.js')).runFilesBench(options)],
  ['csv', async (options) => (await import('./csv-parser-bench.js')).runCsvParserBench(options)],
  ['peers', async (options) => (await import('./peer-bench.js')).runPeerBench(options)],
];
for (const [name, run] of scripts) {
  if (!sections.has(name)) continue;
  log(`section ${name}…`);
  extraSections.push(await run({ quick }));
  if (!quick) await writeFile(reportPath, report());
}

process.stdout.write(report());
if (!quick) log('wrote docs/benchmarks.md');
