import { describe, expect, it } from 'vitest';
import { CompactHashes } from '../../src/sync/compact-hashes.js';
import { PatchedHashes } from '../../src/sync/patched-hashes.js';

/** What a `Map` copied and then changed in place holds: the reference behaviour. */
function applied(previous: ReadonlyMap<string, number>, changed: ReadonlyMap<string, number>, removed: readonly string[]): Map<string, number> {
  const map = new Map(previous);
  for (const [key, hash] of changed) map.set(key, hash);
  for (const key of removed) map.delete(key);
  return map;
}

function expectSame(actual: ReadonlyMap<string, number>, expected: ReadonlyMap<string, number>, probes: readonly string[]): void {
  expect(actual.size).toBe(expected.size);
  expect([...actual]).toEqual([...expected]);
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  expect([...actual.values()]).toEqual([...expected.values()]);
  const seen: [string, number][] = [];
  actual.forEach((hash, key) => seen.push([key, hash]));
  expect(seen).toEqual([...expected]);
  const wrong = probes.filter((key) => actual.get(key) !== expected.get(key) || actual.has(key) !== expected.has(key));
  expect(wrong).toEqual([]);
}

describe('PatchedHashes', () => {
  it('reads and iterates like a copied Map with the changes applied, over many patches in a row', () => {
    let random = 7;
    const next = (limit: number) => {
      random = (Math.imul(random, 1103515245) + 12345) >>> 0;
      return random % limit;
    };
    const universe = Array.from({ length: 4000 }, (_unused, index) => `k${index}`);
    const start = new Map(universe.slice(0, 3000).map((key, index) => [key, index]));
    let patched: ReadonlyMap<string, number> = start;
    let reference: Map<string, number> = new Map(start);
    let patchedKinds = 0;
    for (let pull = 0; pull < 40; pull++) {
      const changed = new Map<string, number>();
      const removed: string[] = [];
      for (let change = 0; change < 25; change++) {
        const key = universe[next(universe.length)] as string;
        if (next(3) === 0 && reference.has(key) && !changed.has(key)) {
          if (!removed.includes(key)) removed.push(key);
        } else if (!removed.includes(key)) {
          changed.set(key, pull * 10_000 + change);
        }
      }
      const before = [...patched];
      const after = PatchedHashes.patch(patched, changed, removed);
      expect([...patched]).toEqual(before);
      reference = applied(reference, changed, removed);
      expectSame(after, reference, universe);
      if (after instanceof PatchedHashes) patchedKinds++;
      patched = after;
    }
    // Small patches stay patches; once they add up, the map is flattened.
    expect(patchedKinds).toBeGreaterThan(0);
    expect(patchedKinds).toBeLessThan(40);
  });

  it('puts a key that was deleted and then set again at the end, as a Map does', () => {
    const start = new Map(Array.from({ length: 100 }, (_unused, index) => [`k${index}`, index]));
    const once = PatchedHashes.patch(start, new Map(), ['k1']);
    const twice = PatchedHashes.patch(once, new Map([['k1', 1001], ['new', 5]]), []);
    const thrice = PatchedHashes.patch(twice, new Map([['k1', 1002], ['k2', 2002]]), ['new']);
    expect(thrice).toBeInstanceOf(PatchedHashes);
    expectSame(thrice, applied(applied(applied(start, new Map(), ['k1']), new Map([['k1', 1001], ['new', 5]]), []), new Map([['k1', 1002], ['k2', 2002]]), ['new']), ['k1', 'k2', 'new', 'k99']);
    expect([...thrice.keys()].slice(-1)).toEqual(['k1']);
  });

  it('patches a checkpoint loaded from a file without copying it', () => {
    const keys = Array.from({ length: 200 }, (_unused, index) => `91330200MA${index.toString(36).padStart(8, '0')}`);
    const loaded = CompactHashes.fromJson(JSON.stringify(keys), Float64Array.from(keys, (_key, index) => index)) as CompactHashes;
    const changed = new Map([[keys[3] as string, 99], ['added', 7]]);
    const patched = PatchedHashes.patch(loaded, changed, [keys[0] as string]);
    expect(patched).toBeInstanceOf(PatchedHashes);
    expectSame(patched, applied(loaded, changed, [keys[0] as string]), [...keys, 'added']);
  });
});
