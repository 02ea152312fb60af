import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointError, FileCheckpointStore, MemoryCheckpointStore, decodeCheckpoint, encodeCheckpoint, type Checkpoint } from '../../src/index.js';
import { harness } from './sync-harness.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kaifang-sync-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function checkpoint(keys: number): Checkpoint {
  const hashes = new Map<string, number>();
  for (let index = 0; index < keys; index++) hashes.set(`JY${String(index).padStart(14, '0')}`, index * 7919 + 2 ** 51);
  return {
    format: 1, portal: 'zhejiang', baseUrl: 'http://sandbox.kaifang.test', dataset: 'nb-food-licenses', key: 'XKZBH', strategy: 'change-check',
    version: { updatedAt: '2026-01-01T00:00:00.000Z', total: keys }, modifiedColumn: null, watermark: null, pullsSinceKeyScan: 0, savedAt: '2026-01-01T00:00:00.000Z', hashes,
  };
}

describe('checkpoint encoding', () => {
  it('round-trips every key and hash exactly, keys with quotes and newlines included', () => {
    const original = checkpoint(1000);
    (original.hashes as Map<string, number>).set('a "quoted"\nkey 许可', 2 ** 52 - 1);
    const decoded = decodeCheckpoint(encodeCheckpoint(original), 'memory');
    expect({ ...decoded, hashes: new Map(decoded.hashes) }).toEqual(original);
    for (const [key, hash] of original.hashes) expect(decoded.hashes.get(key)).toBe(hash);
    expect(decoded.hashes.get('JY-not-a-key')).toBeUndefined();
  });

  it('takes about 30 bytes per key', () => {
    expect(encodeCheckpoint(checkpoint(10_000)).length).toBeLessThan(10_000 * 30);
  });
});

describe('FileCheckpointStore', () => {
  it('saves atomically, loads what it saved and leaves no temp file behind', async () => {
    const store = new FileCheckpointStore(dir);
    expect(await store.load('nb-food-licenses')).toBeUndefined();
    await store.save('nb-food-licenses', checkpoint(50));
    await store.save('nb-food-licenses', checkpoint(60));
    expect((await store.load('nb-food-licenses'))?.hashes.size).toBe(60);
    expect(await readdir(dir)).toEqual(['nb-food-licenses.checkpoint']);
    await store.delete('nb-food-licenses');
    expect(await store.load('nb-food-licenses')).toBeUndefined();
  });

  it.each([
    ['a truncated file', (bytes: Buffer) => bytes.subarray(0, bytes.length - 5), 'is truncated'],
    ['a flipped byte', (bytes: Buffer) => { const copy = Buffer.from(bytes); copy.writeUInt8((copy.readUInt8(copy.length - 3) ^ 0xff), copy.length - 3); return copy; }, 'checksum mismatch'],
    ['another file', () => Buffer.from('{"hello": "world"}'), 'is not a kaifang checkpoint'],
    ['a newer format', (bytes: Buffer) => Buffer.concat([Buffer.from('KAIFANG-CHECKPOINT 9\n'), bytes.subarray(21)]), 'format 9'],
    ['an empty file', () => Buffer.alloc(0), 'is not a kaifang checkpoint'],
  ])('refuses %s with a CheckpointError naming the file and how to reset it', async (_name, damage, problem) => {
    const store = new FileCheckpointStore(dir);
    await store.save('nb-food-licenses', checkpoint(20));
    const file = join(dir, 'nb-food-licenses.checkpoint');
    await writeFile(file, damage(await readFile(file)));
    const error = await store.load('nb-food-licenses').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckpointError);
    expect((error as CheckpointError).message).toContain(file);
    expect((error as CheckpointError).message).toContain(problem);
    expect((error as CheckpointError).message).toContain('delete it to start afresh');
  });

  it('a sync refuses a checkpoint of another key column and writes nothing', async () => {
    const store = new FileCheckpointStore(dir);
    await store.save('nb-food-licenses', checkpoint(20));
    const before = await readFile(join(dir, 'nb-food-licenses.checkpoint'));
    const { client } = harness({ flavor: 'zhejiang' });
    const sync = client.sync('nb-food-licenses', { key: 'TYSHXYDM', store });
    await expect(sync.pull()).rejects.toThrow(CheckpointError);
    await expect(sync.pull()).rejects.toThrow(/key XKZBH; this sync is zhejiang .* key TYSHXYDM: delete it/);
    expect(await readFile(join(dir, 'nb-food-licenses.checkpoint'))).toEqual(before);
  });

  it('a sync refuses a checkpoint of another portal family', async () => {
    const store = new MemoryCheckpointStore();
    await store.save('nb-food-licenses', checkpoint(5));
    const { client } = harness({ flavor: 'ckan' });
    await expect(client.sync('nb-food-licenses', { key: 'XKZBH', store }).pull()).rejects.toThrow(/belongs to zhejiang/);
  });
});
