/**
 * Child process: serves the zhejiang sandbox on loopback and tells its parent the URL over IPC.
 * Arguments: `--rows N` (row count of `nb-business-licenses`) or `--full` (`scale: 'full'`),
 * `--replay` to keep every rendered page, and `--latency MS` to answer every request that many
 * milliseconds late.
 * On a `cpu` message it answers its CPU time so far, so the parent can tell server cost from
 * client cost. It stops when the parent disconnects, so an interrupted run leaves no server.
 */
import { createSandbox } from '../src/sandbox/index.js';
import type { ServerMessage } from './server-message.js';

const args = process.argv.slice(2);
const full = args.includes('--full');
const rows = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : undefined;
const latency = args.includes('--latency') ? Number(args[args.indexOf('--latency') + 1]) : 0;
if (!(latency >= 0)) throw new TypeError(`--latency must be a number of milliseconds ≥ 0, got ${args[args.indexOf('--latency') + 1]}`);

const sandbox = createSandbox({
  flavor: 'zhejiang',
  seed: 1,
  scale: full ? 'full' : 'small',
  ...(rows !== undefined ? { sizes: { 'nb-business-licenses': rows } } : {}),
  // `--replay` keeps every rendered page (1.02M rows ≈ 420 MB): after a page's first read the
  // server only sends bytes, so a pull measures the client. Without it every page is computed
  // from (seed, index) on every request, as a portal runs its query per request.
  pageCache: args.includes('--replay') ? 1536 * 1024 * 1024 : 0,
  // A portal far away: every answer waits on a timer (no CPU) before it is made, as the
  // round trip to a distant server does. The sandbox's `slow` fault is exactly that wait.
  ...(latency > 0 ? { faults: { rate: 1, kinds: ['slow'], delay: latency } } : {}),
});
const server = await sandbox.listen({ port: 0 });
const send = (message: ServerMessage) => process.send?.(message);
send({ kind: 'ready', url: server.url, appSecret: sandbox.credentials.appSecret });
process.on('message', (message) => {
  if (message === 'cpu') {
    const usage = process.cpuUsage();
    send({ kind: 'cpu', micros: usage.user + usage.system });
  }
});
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0));
});
