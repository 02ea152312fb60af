import { describe, expect, it } from 'vitest';
import { CompactHashes } from '../../src/sync/compact-hashes.js';

function compact(keys: string[]): CompactHashes | undefined {
  return CompactHashes.fromJson(JSON.stringify(keys), Float64Array.from(keys, (_key, index) => index * 1000 + 2 ** 51));
}

describe('CompactHashes', () => {
  it('finds every key with its hash, escaped and non-Latin keys included, and nothing else', () => {
    const keys = Array.from({ length: 5000 }, (_unused, index) => `91330200MA${index.toString(36).padStart(8, '0')}`);
    keys.push('a "quoted"\nkey', '许可证 JY1', '', 'back\\slash', '\u0001');
    const hashes = compact(keys) as CompactHashes;
    expect(hashes.size).toBe(keys.length);
    keys.forEach((key, index) => expect(hashes.get(key)).toBe(index * 1000 + 2 ** 51));
    expect(hashes.has('91330200MA0000000')).toBe(false);
    expect(hashes.get('a "quoted"')).toBeUndefined();
    expect(hashes.get(5 as unknown as string)).toBeUndefined();
  });

  it('iterates keys and hashes in stored order, like the Map it stands for', () => {
    const keys = ['b', 'a "x"', 'c'];
    const hashes = compact(keys) as CompactHashes;
    const expected = new Map(keys.map((key, index) => [key, index * 1000 + 2 ** 51]));
    expect([...hashes]).toEqual([...expected]);
    expect([...hashes.keys()]).toEqual(keys);
    expect([...hashes.values()]).toEqual([...expected.values()]);
    const seen: string[] = [];
    hashes.forEach((_hash, key) => seen.push(key));
    expect(seen).toEqual(keys);
  });

  it('holds an empty key list', () => {
    expect(compact([])?.size).toBe(0);
  });

  it.each([
    ['not an array', '{"a":1}', 1],
    ['fewer keys than hashes', '["a"]', 2],
    ['more keys than hashes', '["a","b"]', 1],
    ['a number among the keys', '["a",1]', 2],
    ['a repeated key', '["a","a"]', 2],
    ['a key repeated through an escape', '["A","\\u0041"]', 2],
    ['an unterminated key', '["a', 1],
    ['a bad escape', '["\\q"]', 1],
    ['a raw control character', '["a\nb"]', 1],
    ['text after the array', '["a"]x', 1],
    ['spaces between keys', '["a", "b"]', 2],
  ])('refuses %s', (_name, text, count) => {
    expect(CompactHashes.fromJson(text, new Float64Array(count))).toBeUndefined();
  });
});
