/**
 * Child process: one full pull by one variant, in a process of its own so that its peak RSS is
 * its own. Prints `{ rows, rowsRead, ms, maxRssMb, clientMicrosPerRow }` as JSON: `rowsRead`
 * counts the unmeasured pull too; the last is this process's own CPU time per row during the
 * measured pull, which holds when other load limits wall-clock speed.
 * `--start cold` measures the process's first full pull (after a one-row read that loads the
 * code); `--start warm` measures a second full pull, after one unmeasured full pull has let the
 * JIT compile the per-page code, as in a long-running service.
 */
import { pullVariants, pulls, warmUps } from './pull-variants.js';
import { readArguments } from './read-arguments.js';
import { pullStarts } from './results.js';

const args = readArguments(process.argv.slice(2));
const variant = args.choice('variant', pullVariants);
const start = args.choice('start', pullStarts);
const expected = args.number('rows');

const pull = async (): Promise<number> => {
  const rows = await pulls[variant](args.string('url'), args.string('secret'));
  if (rows !== expected) throw new Error(`${variant} pulled ${rows} rows, expected ${expected}`);
  return rows;
};

await warmUps[variant](args.string('url'), args.string('secret'));
const unmeasuredRows = start === 'warm' ? await pull() : 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const rows = await pull();
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
// resourceUsage().maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ rows, rowsRead: unmeasuredRows + rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, clientMicrosPerRow: (cpu.user + cpu.system) / rows })}\n`);
