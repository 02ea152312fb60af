/**
 * Child process: one full pull by one variant, in a process of its own so that its peak RSS is
 * its own. Prints `{ rows, ms, maxRssMb, clientMicrosPerRow }` as JSON:
 * the last is this process's own CPU time per row during the pull, which holds when other load
 * limits wall-clock speed.
 */
import { pullVariants, pulls, warmUps, type PullVariant } from './pull-variants.js';
import { readArguments } from './read-arguments.js';

const args = readArguments(process.argv.slice(2));
const variant = args.string('variant') as PullVariant;
if (!pullVariants.includes(variant)) throw new TypeError(`unknown variant ${variant}`);
const expected = args.number('rows');

await warmUps[variant](args.string('url'), args.string('secret'));
const cpuBefore = process.cpuUsage();
const started = performance.now();
const rows = await pulls[variant](args.string('url'), args.string('secret'));
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
if (rows !== expected) throw new Error(`${variant} pulled ${rows} rows, expected ${expected}`);
// resourceUsage().maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, clientMicrosPerRow: (cpu.user + cpu.system) / rows })}\n`);
