import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileCheckpointStore, MemoryCheckpointStore, type Checkpoint } from '../../src/index.js';
import { clientOf, sandboxAtStage } from './fixtures/stages.js';

const CHILD = fileURLToPath(new URL('./fixtures/sync-child.ts', import.meta.url));
// The sandbox repeats the keys of added rows every 10 mutations, so stay below that.
const STAGES = 9;

interface Child {
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  readonly ready: Promise<void>;
  /** Resolves once the output contains `text` (or the process ended). */
  waitFor(text: string): Promise<void>;
  kill(): void;
}

/**
 * Runs the child script through tsx, or, for the kill test's many short-lived processes, as one
 * bundled file (node starts it in a tenth of the time tsx needs).
 */
function child(args: string[], bundled = false): Child {
  const command = bundled ? [BUNDLE(), ...args] : ['--import', 'tsx', CHILD, ...args];
  const process_ = spawn(process.execPath, command, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const waiters: { text: string; resolve: () => void }[] = [];
  process_.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready')) markReady();
    for (const waiter of waiters) if (stdout.includes(waiter.text)) waiter.resolve();
  });
  process_.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    process_.on('exit', (code, signal) => {
      markReady();
      for (const waiter of waiters) waiter.resolve();
      resolve({ code, signal, stdout, stderr });
    });
  });
  const waitFor = (text: string) => new Promise<void>((resolve) => {
    if (stdout.includes(text) || process_.exitCode !== null) resolve();
    else waiters.push({ text, resolve });
  });
  return { done, ready, waitFor, kill: () => process_.kill('SIGKILL') };
}

/** Key → hash of the dataset at every stage, computed in this process. */
const stageHashes: ReadonlyMap<string, number>[] = [];
let dir: string;
const BUNDLE = () => join(dir, 'sync-child.mjs');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaifang-sync-proc-'));
  await build({ entryPoints: [CHILD], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: BUNDLE(), logLevel: 'silent' });
  const sandbox = sandboxAtStage(0);
  const sync = clientOf(sandbox).sync('nb-food-licenses', { key: 'XKZBH', store: new MemoryCheckpointStore(), strategy: 'full' });
  for (let stage = 0; stage <= STAGES; stage++) {
    if (stage > 0) sandbox.mutate({ dataset: 'nb-food-licenses', add: 2, update: 3, remove: 1 });
    stageHashes.push((await sync.pull()).checkpoint.hashes);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function diff(from: ReadonlyMap<string, number> | undefined, to: ReadonlyMap<string, number>) {
  const added: string[] = [];
  const updated: string[] = [];
  for (const [key, hash] of to) {
    const before = from?.get(key);
    if (before === undefined) added.push(key);
    else if (before !== hash) updated.push(key);
  }
  const removed = from ? [...from.keys()].filter((key) => !to.has(key)) : [];
  return { added: added.sort(), updated: updated.sort(), removed: removed.sort() };
}

describe('sync across processes', () => {
  it('a new process resumes from the file checkpoint and reports only what changed since', async () => {
    const resumeDir = join(dir, 'resume');
    const first = await child(['resume', resumeDir, '0']).done;
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual(diff(undefined, stageHashes[0] as ReadonlyMap<string, number>));
    const second = await child(['resume', resumeDir, '3']).done;
    expect(second.code, second.stderr).toBe(0);
    const changes = JSON.parse(second.stdout) as { added: string[]; updated: string[]; removed: string[] };
    expect(changes).toEqual(diff(stageHashes[0], stageHashes[3] as ReadonlyMap<string, number>));
    expect(changes.added.length + changes.updated.length + changes.removed.length).toBeGreaterThan(0);
  });

  it('kill -9 at any moment, 20 times, always leaves a checkpoint that loads, and the next pull yields exactly what is missing', async () => {
    const killDir = join(dir, 'kill');
    const stagesSeen = new Set<number>();
    for (let wave = 0; wave < 4; wave++) {
      const runs = Array.from({ length: 5 }, async (_, index) => {
        const runDir = join(killDir, `${wave}-${index}`);
        const running = child(['loop', runDir, String(STAGES)], true);
        // Let it commit a random number of stages, then kill it at a random moment of the next pulls.
        const kill = wave * 5 + index;
        if (kill % 4 === 0) await running.ready;
        else await running.waitFor(`pulled ${kill % (STAGES + 1)}\n`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
        running.kill();
        const exit = await running.done;
        return { runDir, exit };
      });
      for (const { runDir, exit } of await Promise.all(runs)) {
        const runStore = new FileCheckpointStore(runDir);
        const saved: Checkpoint | undefined = await runStore.load('nb-food-licenses');
        expect(exit.signal, exit.stderr).toBe('SIGKILL');
        if (!saved) continue;
        const stage = stageHashes.findIndex((hashes) => hashes.size === saved.hashes.size && [...hashes].every(([key, hash]) => saved.hashes.get(key) === hash));
        expect(stage, 'the checkpoint equals a committed stage').toBeGreaterThanOrEqual(0);
        stagesSeen.add(stage);
        const target = Math.min(STAGES, stage + 2);
        const changes = await clientOf(sandboxAtStage(target)).sync('nb-food-licenses', { key: 'XKZBH', store: runStore, strategy: 'full' }).pull();
        const keys = (rows: Record<string, unknown>[]) => rows.map((row) => String(row['XKZBH'])).sort();
        expect({ added: keys(changes.added), updated: keys(changes.updated), removed: [...changes.removed].sort() }).toEqual(diff(stageHashes[stage], stageHashes[target] as ReadonlyMap<string, number>));
      }
    }
    expect(stagesSeen.size).toBeGreaterThan(1);
  }, 60_000);
});
