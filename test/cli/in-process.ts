import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.js';
import { commands } from '../../src/cli/command-table.js';
import type { ExitCode } from '../../src/cli/exit-code.js';
import { runCli } from '../../src/cli/run-cli.js';

/** What an in-process run printed. */
export interface InProcessRun {
  readonly code: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one command line in this process, with `env` as its only environment, and captures its
 * lines; what a command writes to the raw stderr stream (a progress line) joins stderr.
 */
export async function runInProcess(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      err.push(chunk.toString('utf8').replace(/\n$/, ''));
      callback();
    },
  });
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), stderr, env };
  const code = await runCli(args, { commands, io, signal: new AbortController().signal });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
