import type { PullVariant } from './pull-variants.js';
import type { BenchResults, PullResult } from './results.js';

const LABELS: Record<PullVariant, string> = {
  sdk: '(a) SDK, no schema',
  'sdk-schema': '(b) SDK, zod schema (11 columns)',
  sequential: '(c) hand-written sequential loop',
  'parallel-4': '(d) hand-written 4-way loop',
};

const SERVE_GOAL = 200_000;

/** Memory counts as flat when the peak RSS grows by less than this much from the smallest to the largest pull. */
const FLAT_RSS_GROWTH = 0.2;

const RATIOS: readonly { readonly name: string; readonly over: PullVariant; readonly under: PullVariant; readonly goal: number }[] = [
  { name: 'a/c: SDK vs sequential', over: 'sdk', under: 'sequential', goal: 1.5 },
  { name: 'a/d: SDK vs 4-way', over: 'sdk', under: 'parallel-4', goal: 0.9 },
  { name: 'b/c: SDK + schema vs sequential', over: 'sdk-schema', under: 'sequential', goal: 1.2 },
];

const integer = (value: number) => Math.round(value).toLocaleString('en-US');
const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const met = (ok: boolean) => (ok ? 'yes' : '**no**');

function find(pulls: readonly PullResult[], variant: PullVariant, rows: number): PullResult | undefined {
  return pulls.find((pull) => pull.variant === variant && pull.rows === rows);
}

/** The results as the Markdown of `docs/benchmarks.md`. */
export function formatReport(results: BenchResults): string {
  const sizes = [...new Set(results.pulls.map((pull) => pull.rows))].sort((a, b) => a - b);
  const lines: string[] = [
    '# Benchmarks',
    '',
    `- Date: ${results.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Command: \`${results.command}\``,
    `- Machine: ${results.machine}`,
    `- Load average (1 min) before / after: ${fixed(results.load[0], 2)} / ${fixed(results.load[1], 2)} — the cores are shared, so absolute numbers move with it; ratios are measured in the same run, variants interleaved.`,
    `- Every number is the median of ${results.runs} run${results.runs === 1 ? '' : 's'}. The sandbox (zhejiang flavor, seed 1) runs in its own child process; every measuring client runs in another, 200-row pages over 127.0.0.1.`,
    '',
    '## Sandbox throughput',
    '',
    `A plain \`fetch\` loop reads \`get_data.do\` pages of \`nb-business-licenses\` (bodies read, not parsed). Server CPU is the server process's own user + system time per row: it tells what the sandbox would serve if the client cost nothing. Goal: ≥ ${integer(SERVE_GOAL)} rows/s.`,
    '',
    '| connections | rows | rows/s over loopback | server CPU µs/row | rows/s per server core | goal met |',
    '| ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const serve of results.serve) {
    lines.push(
      `| ${serve.connections} | ${integer(serve.rows)} | ${integer(serve.rowsPerSecond)} | ${fixed(serve.serverMicrosPerRow, 2)} | ${integer(1e6 / serve.serverMicrosPerRow)} | ${met(serve.rowsPerSecond >= SERVE_GOAL)} |`,
    );
  }
  lines.push(
    '',
    '## Full pull of `nb-business-licenses`',
    '',
    'Each variant pulls every row in a child process of its own; peak RSS is that process\'s `maxRSS` (largest over the runs). Client CPU is that process\'s own `process.cpuUsage()` per row over the pull (every thread, the garbage collector\'s included): unlike wall-clock time it does not move with other load on the machine.',
    '',
    '| variant | rows | time (s) | rows/s | peak RSS (MB) | client CPU µs/row | server CPU µs/row |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const rows of sizes) {
    for (const pull of results.pulls.filter((entry) => entry.rows === rows)) {
      lines.push(`| ${LABELS[pull.variant]} | ${integer(pull.rows)} | ${fixed(pull.ms / 1000, 2)} | ${integer(pull.rowsPerSecond)} | ${fixed(pull.maxRssMb, 0)} | ${fixed(pull.clientMicrosPerRow, 2)} | ${fixed(pull.serverMicrosPerRow, 2)} |`);
    }
  }
  lines.push('', '## Ratios (rows/s over rows/s) and goals', '', `| ratio | ${sizes.map((rows) => `${integer(rows)} rows`).join(' | ')} | goal | met |`, `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: | --- |`);
  for (const ratio of RATIOS) {
    const values = sizes.map((rows) => {
      const over = find(results.pulls, ratio.over, rows);
      const under = find(results.pulls, ratio.under, rows);
      return over && under ? over.rowsPerSecond / under.rowsPerSecond : Number.NaN;
    });
    const measured = values.filter((value) => Number.isFinite(value));
    const verdict = measured.length === 0 ? 'not measured' : met(measured.every((value) => value >= ratio.goal));
    lines.push(`| ${ratio.name} | ${values.map((value) => (Number.isFinite(value) ? `${fixed(value, 2)}×` : 'not measured')).join(' | ')} | ≥ ${ratio.goal}× | ${verdict} |`);
  }
  if (sizes.length > 1) {
    const smallest = sizes[0] as number;
    const largest = sizes[sizes.length - 1] as number;
    lines.push('', `## Memory: peak RSS at ${integer(smallest)} and ${integer(largest)} rows`, '', `Flat means less than ${FLAT_RSS_GROWTH * 100}% growth for ${fixed(largest / smallest, 1)}× the rows.`, '', '| variant | RSS small (MB) | RSS large (MB) | growth | flat |', '| --- | ---: | ---: | ---: | --- |');
    for (const variant of Object.keys(LABELS) as PullVariant[]) {
      const small = find(results.pulls, variant, smallest);
      const large = find(results.pulls, variant, largest);
      if (!small || !large) continue;
      const growth = large.maxRssMb / small.maxRssMb - 1;
      lines.push(`| ${LABELS[variant]} | ${fixed(small.maxRssMb, 0)} | ${fixed(large.maxRssMb, 0)} | ${growth >= 0 ? '+' : ''}${fixed(growth * 100, 0)}% | ${met(growth < FLAT_RSS_GROWTH)} |`);
    }
  }
  lines.push(
    '',
    '## Method and optimisations',
    '',
    '- `npm run bench` starts the sandbox in a child process, measures it with a plain fetch loop in another child, then runs each pull variant in a child of its own; `--quick` does one small run and only prints.',
    '- Hand-written loops: (c) `fetch` + `JSON.parse` + status check, page after page until a short page; (d) the same with 4 workers sharing a page counter after one `get_total.do`.',
    '- Row generation was made cheaper for these numbers, with the same bytes for the same seed: one `RowRandom` object per row instead of a bag of closures, date arithmetic without parsing and formatting `Date` strings, weighted tables built once (about 12 → 5 µs of CPU per business-license row in process).',
    '- Server CPU per row is measured from the server process\'s own `process.cpuUsage()`, so it holds even when the client or other load limits wall-clock speed.',
    '- The sandbox keeps rendered pages (`pageCache`, 64 MB by default; the bench server keeps them all): a page read again is sent, not generated again. The first read of each page pays for generation (about 5–10 µs of server CPU per row); the medians are of runs that mostly read warm pages, so they compare the clients.',
  );
  return `${lines.join('\n')}\n`;
}
