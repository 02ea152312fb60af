/**
 * The `kaifang` executable. Exit codes: 0 ok, 1 failure, 2 usage error, 130 interrupted.
 */
import { processIo } from './cli-io.js';
import { commands } from './command-table.js';
import { ExitCode } from './exit-code.js';
import { watchInterrupts } from './interrupt.js';
import { runCli } from './run-cli.js';

// `kaifang … | head` closes stdout early: stop quietly rather than crash on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? ExitCode.ok);
});

const interrupts = watchInterrupts(() => process.exit(ExitCode.interrupted));
const code = await runCli(process.argv.slice(2), { commands, io: processIo, signal: interrupts.signal });
interrupts.dispose();
// An interrupted command may leave work behind (a server, requests in flight): do not wait for it.
if (interrupts.signal.aborted) process.exit(code);
process.exitCode = code;
