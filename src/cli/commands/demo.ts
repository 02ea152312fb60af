import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';

/** `kaifang demo`: runs `examples/demo.ts`, the same tour `npm run demo` shows. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'A short tour of the SDK against a local sandbox portal (no network)',
  description: [
    'Starts the zhejiang sandbox on a free loopback port and walks through the SDK over real HTTP:',
    'catalogue search, dataset metadata, a schema-validated pull of food licenses with counts by',
    'status and expiry, the car parks with most free spaces, and one signed gateway call. Takes a',
    'few seconds and needs no network.',
  ].join('\n'),
  options: {},
  examples: ['kaifang demo'],

  async run({ signal }) {
    const interrupted = new Promise<'interrupted'>((resolve) => {
      if (signal.aborted) resolve('interrupted');
      else signal.addEventListener('abort', () => resolve('interrupted'), { once: true });
    });
    // The example is a script: importing it runs the tour, so both entry points share one module.
    const outcome = await Promise.race([import('../../../examples/demo.js'), interrupted]);
    return outcome === 'interrupted' ? ExitCode.interrupted : ExitCode.ok;
  },
};
