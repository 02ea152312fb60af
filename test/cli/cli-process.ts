import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs the CLI from source in a child process, as the `kaifang` executable would run. */

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `kaifang <args>`; the caller reads its streams and waits for it. */
export function startCli(args: readonly string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  return child;
}

/** Collects a started CLI's output until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `kaifang <args>` to the end. */
export function runCli(args: readonly string[]): Promise<CliResult> {
  return finished(startCli(args));
}

/** Resolves with the stdout seen so far once it matches `pattern`; rejects if the process ends first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: string) => {
      seen += chunk;
      if (pattern.test(seen)) {
        child.stdout?.off('data', onData);
        child.off('close', onClose);
        resolve(seen);
      }
    };
    const onClose = (code: number | null) => reject(new Error(`the CLI exited (${code}) before printing ${pattern}; stdout so far:\n${seen}`));
    child.stdout?.on('data', onData);
    child.once('close', onClose);
  });
}
