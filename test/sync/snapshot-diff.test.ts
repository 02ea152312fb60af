import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../src/portals/portal-adapter.js';
import { CompactHashes } from '../../src/sync/compact-hashes.js';
import { contentHash } from '../../src/sync/content-hash.js';
import { SnapshotDiff } from '../../src/sync/snapshot-diff.js';
import { SnapshotHashes } from '../../src/sync/snapshot-hashes.js';
import { SyncKeyError } from '../../src/sync/sync-key-error.js';

/** Reads `rows` through a diff against `previous`. */
function diffed(previous: ReadonlyMap<string, number> | undefined, rows: readonly RawRecord[]) {
  const diff = new SnapshotDiff(previous, 'id', 'test-dataset');
  for (const row of rows) diff.add(row);
  return { added: diff.added.map((row) => row.id), updated: diff.updated.map((row) => row.id), removed: diff.removed(), hashes: diff.hashes };
}

/** The change set worked out with plain maps: the reference behaviour. */
function expected(previous: ReadonlyMap<string, number>, rows: readonly RawRecord[]) {
  const seen = new Set(rows.map((row) => row.id as string));
  return {
    added: rows.filter((row) => !previous.has(row.id as string)).map((row) => row.id),
    updated: rows.filter((row) => previous.has(row.id as string) && previous.get(row.id as string) !== contentHash(row)).map((row) => row.id),
    removed: [...previous.keys()].filter((key) => !seen.has(key)),
    hashes: new Map(rows.map((row) => [row.id as string, contentHash(row)])),
  };
}

function sorted(map: ReadonlyMap<string, number>): [string, number][] {
  return [...map].sort(([first], [second]) => (first < second ? -1 : first > second ? 1 : 0));
}

function expectSameMap(actual: ReadonlyMap<string, number>, reference: ReadonlyMap<string, number>, probes: readonly string[]): void {
  expect(actual.size).toBe(reference.size);
  expect(sorted(actual)).toEqual(sorted(reference));
  expect([...actual.keys()]).toEqual([...actual].map(([key]) => key));
  expect([...actual.values()]).toEqual([...actual].map(([, hash]) => hash));
  const visited: [string, number][] = [];
  actual.forEach((hash, key) => visited.push([key, hash]));
  expect(visited).toEqual([...actual]);
  expect(probes.filter((key) => actual.get(key) !== reference.get(key) || actual.has(key) !== reference.has(key))).toEqual([]);
}

describe('SnapshotDiff', () => {
  it('reports exactly the added, updated and removed rows over many full reads in a row, keys leaving and coming back', () => {
    let random = 11;
    const next = (limit: number) => {
      random = (Math.imul(random, 1103515245) + 12345) >>> 0;
      return random % limit;
    };
    const universe = Array.from({ length: 1500 }, (_unused, index) => `k${index}`);
    let table = new Map(universe.slice(0, 1000).map((key) => [key, { id: key, value: 0 } as RawRecord]));
    let previous: ReadonlyMap<string, number> | undefined;
    const layouts = new Set<string>();
    for (let read = 0; read < 60; read++) {
      const changes = read % 7 === 6 ? 200 : 12;
      for (let change = 0; change < changes; change++) {
        const key = universe[next(universe.length)] as string;
        const kind = next(3);
        if (kind === 0) table.delete(key);
        else table.set(key, { id: key, value: next(4) });
      }
      // Rows come in the same order as before on some reads and in a new one on others.
      const rows = read % 3 === 0 ? [...table.values()].sort(() => next(3) - 1) : [...table.values()];
      table = new Map(rows.map((row) => [row.id as string, row]));
      const before = previous ? sorted(previous) : [];
      const result = diffed(previous, rows);
      const reference = expected(previous ?? new Map(), rows);
      expect(result.added).toEqual(reference.added);
      expect(result.updated).toEqual(reference.updated);
      expect([...result.removed].sort()).toEqual([...reference.removed].sort());
      expectSameMap(result.hashes, reference.hashes, universe);
      // The previous hashes belong to a committed checkpoint: a diff against them leaves them as they were.
      if (previous) expect(sorted(previous)).toEqual(before);
      layouts.add(result.hashes.alive === null ? 'fresh' : 'built on');
      previous = result.hashes;
    }
    expect(layouts).toEqual(new Set(['fresh', 'built on']));
  });

  it('reports a key as added when it comes back in its old place after a read without it', () => {
    const rows = Array.from({ length: 100 }, (_unused, index) => ({ id: `k${index}`, value: 1 }));
    const first = diffed(undefined, rows);
    const second = diffed(first.hashes, rows.filter((row) => row.id !== 'k50'));
    expect(second).toMatchObject({ added: [], updated: [], removed: ['k50'] });
    expect(second.hashes.alive).not.toBeNull();
    const third = diffed(second.hashes, rows);
    expect(third).toMatchObject({ added: ['k50'], updated: [], removed: [] });
    expectSameMap(third.hashes, expected(new Map(), rows).hashes, ['k50', 'k51', 'k100']);
  });

  it('refuses a repeated key, whether the previous read had it or not, and leaves the previous hashes alone', () => {
    const rows = ['a', 'b', 'c'].map((id) => ({ id, value: 1 }));
    const first = diffed(undefined, rows).hashes;
    const before = sorted(first);
    for (const repeated of [[...rows, { id: 'b', value: 2 }], [...rows, { id: 'new', value: 1 }, { id: 'new', value: 1 }], [rows[0] as RawRecord, rows[0] as RawRecord]]) {
      expect(() => diffed(first, repeated)).toThrow(SyncKeyError);
      expect(() => diffed(undefined, repeated)).toThrow(SyncKeyError);
    }
    expect(() => diffed(first, [{ value: 1 }])).toThrow(/Key column "id" is not in the rows/);
    expect(() => diffed(first, [{ id: ' ', value: 1 }])).toThrow(/has no value in key column "id"/);
    expect(sorted(first)).toEqual(before);
  });

  it('diffs against hashes loaded from a checkpoint file or kept in a plain Map', () => {
    const rows = ['a', 'b', 'c'].map((id) => ({ id, value: 1 }));
    const keys = ['a', 'b', 'gone'];
    const values = Float64Array.from([contentHash(rows[0] as RawRecord), 5, 6]);
    const compact = CompactHashes.fromJson(JSON.stringify(keys), values) as CompactHashes;
    for (const previous of [compact, new Map(keys.map((key, index) => [key, values[index] as number]))]) {
      const result = diffed(previous, rows);
      expect(result).toMatchObject({ added: ['c'], updated: ['b'], removed: ['gone'] });
      expect(result.hashes).toBeInstanceOf(SnapshotHashes);
      expectSameMap(result.hashes, expected(previous, rows).hashes, [...keys, 'c']);
    }
  });
});
