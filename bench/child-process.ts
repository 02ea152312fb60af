import { execFile, fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerMessage } from './server-message.js';

/** The repository root: children run from it so `--import tsx` resolves. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXEC_ARGV = ['--import', 'tsx'];

/** A sandbox server running in a child process. */
export interface ServerChild {
  readonly url: string;
  readonly appSecret: string;
  /** CPU time the server has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

function nextMessage<K extends ServerMessage['kind']>(child: ChildProcess, kind: K): Promise<Extract<ServerMessage, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<ServerMessage, { kind: K }>);
    };
    const onExit = (code: number | null) => reject(new Error(`sandbox server exited with code ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts `bench/sandbox-server.ts` with the given arguments and waits until it listens. */
export async function startServer(args: readonly string[]): Promise<ServerChild> {
  const child = fork(fileURLToPath(new URL('sandbox-server.ts', import.meta.url)), [...args], { cwd: ROOT, execArgv: EXEC_ARGV });
  const ready = await nextMessage(child, 'ready');
  return {
    url: ready.url,
    appSecret: ready.appSecret,
    async cpuMicros() {
      const answer = nextMessage(child, 'cpu');
      child.send('cpu');
      return (await answer).micros;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/** Runs a bench script in a child process and returns the JSON of its last output line. */
export function runJsonChild<T>(script: string, args: readonly string[]): Promise<T> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...EXEC_ARGV, path, ...args], { cwd: ROOT, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${script} failed: ${stderr || error.message}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no result: ${stdout}`));
      }
    });
  });
}
