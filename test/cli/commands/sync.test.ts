import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type ListeningSandbox } from '../../../src/sandbox/index.js';
import { runCli } from '../cli-process.js';
import { runInProcess } from '../in-process.js';

let dir: string;
let server: ListeningSandbox;
const sandbox = createSandbox({ flavor: 'zhejiang', sizes: { 'nb-food-licenses': 500 } });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaifang-cli-sync-'));
  server = await sandbox.listen({ port: 0 });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function mirrorKeys(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  return text.trimEnd().split('\n').map((line) => (JSON.parse(line) as { XKZBH: string }).XKZBH);
}

describe('kaifang sync', () => {
  it('mirrors every row on the first run, then applies only what changed, moving the checkpoint', async () => {
    const mirror = join(dir, 'food.jsonl');
    const checkpoints = join(dir, 'state');
    const args = ['sync', 'nb-food-licenses', '--key', 'XKZBH', '--mirror', mirror, '--checkpoint-dir', checkpoints, '--portal', 'zhejiang', '--base-url', server.url];
    const env = { KAIFANG_APP_SECRET: sandbox.credentials.appSecret };

    const first = await runCli(args, { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^nb-food-licenses: 500 added, 0 updated, 0 removed$/m);
    expect(await mirrorKeys(mirror)).toHaveLength(500);
    expect(await readdir(checkpoints)).toEqual(['nb-food-licenses.checkpoint']);

    const change = sandbox.mutate({ dataset: 'nb-food-licenses', add: 4, update: 3, remove: 2 });
    const second = await runInProcess(args, env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^nb-food-licenses: 4 added, 3 updated, 2 removed$/m);
    expect(second.stdout).toMatch(/^mirror .*food\.jsonl: 502 rows$/m);
    const keys = await mirrorKeys(mirror);
    expect(keys).toHaveLength(502);
    for (const removed of change.removed) expect(keys).not.toContain(removed);
    expect((await readdir(dir)).filter((name) => name.endsWith('.part'))).toEqual([]);

    const third = await runInProcess(args, env);
    expect(third.stdout).toMatch(/^nb-food-licenses: 0 added, 0 updated, 0 removed$/m);
    expect(third.stderr).toMatch(/unchanged since the last run/);
  });

  it('starts afresh when the mirror is gone but the checkpoint is not', async () => {
    const mirror = join(dir, 'parking.jsonl');
    const args = ['sync', 'hz-parking-lots', '--key', 'TCCBH', '--mirror', mirror, '--checkpoint-dir', join(dir, 'parking-state'), '--sandbox'];
    expect((await runInProcess(args)).code).toBe(0);
    await rm(mirror);
    const again = await runInProcess(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^No mirror at .*parking\.jsonl: dropping .* to mirror every row afresh\.$/m);
    expect(again.stdout).toMatch(/^hz-parking-lots: 3128 added, 0 updated, 0 removed$/m);
  });

  it('exits 1 without touching the checkpoint when the mirror is not a mirror of this key', async () => {
    const mirror = join(dir, 'wrong.jsonl');
    const state = join(dir, 'wrong-state');
    await runInProcess(['sync', 'hz-parking-lots', '--key', 'TCCBH', '--mirror', mirror, '--checkpoint-dir', state, '--sandbox']);
    const result = await runInProcess(['sync', 'hz-parking-lots', '--key', 'XKZBH', '--mirror', mirror, '--checkpoint-dir', state, '--sandbox']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kaifang sync: .*wrong\.jsonl line 1 is not a JSON object with a "XKZBH" value/);
  });

  it('exits 2 without --key or --mirror', async () => {
    const noKey = await runInProcess(['sync', 'nb-food-licenses', '--mirror', 'x.jsonl', '--sandbox']);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr.split('\n')[0]).toBe('kaifang sync: --key is required: the column that identifies a row');
    const noMirror = await runInProcess(['sync', 'nb-food-licenses', '--key', 'XKZBH', '--sandbox']);
    expect(noMirror.code).toBe(2);
    expect(noMirror.stderr.split('\n')[0]).toBe('kaifang sync: --mirror is required: the JSON Lines file to keep');
  });
});
