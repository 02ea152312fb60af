import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Runs the CLI from source in a child process, as the `kaifang` executable would run. */

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and with what environment the CLI runs; `KAIFANG_*` variables of the test run are never inherited. */
export interface StartOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

// An absolute loader, so the CLI can run in a temp directory too.
const tsxLoader = pathToFileURL(`${root}node_modules/tsx/dist/loader.mjs`).href;

/** The repository root, from which the CLI runs by default. */
export const repositoryRoot = root;

/** Starts `kaifang <args>`; the caller reads its streams and waits for it. */
export function startCli(args: readonly string[], options: StartOptions = {}): ChildProcess {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KAIFANG_')));
  const child = spawn(process.execPath, ['--import', tsxLoader, `${root}src/cli/main.ts`, ...args], {
    cwd: options.cwd ?? root,
    env: { ...inherited, NO_COLOR: '1', ...options.env },
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
export function runCli(args: readonly string[], options: StartOptions = {}): Promise<CliResult> {
  return finished(startCli(args, options));
}

/** Resolves with the stdout seen so far once it matches `pattern`; rejects if the process ends first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout'): Promise<string> {
  const source = stream === 'stdout' ? child.stdout : child.stderr;
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: string) => {
      seen += chunk;
      if (pattern.test(seen)) {
        source?.off('data', onData);
        child.off('close', onClose);
        resolve(seen);
      }
    };
    const onClose = (code: number | null) => reject(new Error(`the CLI exited (${code}) before printing ${pattern}; ${stream} so far:\n${seen}`));
    source?.on('data', onData);
    child.once('close', onClose);
  });
}
