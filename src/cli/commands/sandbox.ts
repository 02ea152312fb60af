import { createSandbox, type FlavorName, type ListeningSandbox } from '../../sandbox/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { OptionReader } from '../option-values.js';
import { printSandboxBanner } from '../sandbox-banner.js';

// Keys of a Record over FlavorName: a new sandbox flavor does not compile until it is listed here.
const FLAVORS = Object.keys({ zhejiang: 0, ckan: 0, socrata: 0, opendatasoft: 0 } satisfies Record<FlavorName, 0>) as FlavorName[];
const SCALES = ['small', 'full'] as const;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** `kaifang sandbox`: serves a local open-data portal over HTTP until Ctrl-C or SIGTERM. */
export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'Serve a local open-data portal with seeded, realistic data',
  description: [
    'Serves the kaifang sandbox portal over HTTP: the four core datasets (car parks, business and',
    'food licenses, medical practitioners) plus long-tail ones, generated from the seed, in the wire',
    'format of the chosen portal family. Prints the URL, the sandbox credentials (public values,',
    'not secrets), the datasets and sample requests, then serves until Ctrl-C or SIGTERM and exits 0.',
  ].join('\n'),
  options: {
    flavor: { type: 'string', value: '<name>', description: 'Portal family to imitate: zhejiang, ckan, socrata or opendatasoft', default: 'zhejiang' },
    scale: { type: 'string', value: '<size>', description: 'small (a few thousand rows each) or full (the real datasets\' size)', default: 'small' },
    seed: { type: 'string', value: '<n>', description: 'Seed of the generated data: the same seed serves the same bytes', default: '1' },
    port: { type: 'string', short: 'p', value: '<port>', description: 'Port to listen on; 0 picks a free one', default: '8787' },
    host: { type: 'string', value: '<host>', description: 'Interface to bind', default: '127.0.0.1' },
    faults: { type: 'string', value: '<rate>', description: 'Share of requests that fail (503, 429, resets, HTML pages, …), 0 to 1', default: '0' },
  },
  examples: ['kaifang sandbox', 'kaifang sandbox --flavor ckan --port 0', 'kaifang sandbox --scale full --faults 0.1'],

  async run({ values, io, signal }) {
    const options = new OptionReader(values, 'sandbox');
    const flavor = options.choice('flavor', FLAVORS, 'zhejiang');
    const scale = options.choice('scale', SCALES, 'small');
    const seed = options.integer('seed', 1, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const port = options.integer('port', 8787, 0, 65_535);
    const host = options.string('host', '127.0.0.1');
    const rate = options.fraction('faults');

    const sandbox = createSandbox({ flavor, scale, seed, ...(rate ? { faults: { rate } } : {}) });
    let server: ListeningSandbox;
    try {
      server = await sandbox.listen({ port, host });
    } catch (error) {
      io.err(`kaifang sandbox: cannot listen on ${host}:${port}: ${listenFailure(error)}`);
      return ExitCode.failure;
    }
    printSandboxBanner(io, sandbox, { url: server.url, scale, faultRate: rate });
    if (!LOOPBACK.has(host)) io.err(`Warning: bound to ${host}, so other machines can reach this sandbox.`);
    io.err('Serving until Ctrl-C.');

    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await server.close();
    io.err('Sandbox stopped.');
    return ExitCode.ok;
  },
};

function listenFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return 'the port is already in use (try --port 0)';
  if (code === 'EACCES') return 'permission denied (ports below 1024 need privileges)';
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return 'no such interface on this machine';
  return error instanceof Error ? error.message : String(error);
}
