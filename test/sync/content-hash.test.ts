import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/sync/content-hash.js';

describe('contentHash', () => {
  // Stored checkpoints hold these numbers: a change here reports every row as updated once.
  it.each([
    ['plain and Chinese strings', { XKZBH: 'JY23302125836193', JYZMC: '宁波市鄞州区德越餐馆', FZRQ: '2023-12-08' }, 3749363756820986],
    ['strings JSON escapes', { name: 'say "hi"\n', path: 'C:\\x', emoji: '😀', lone: '\ud800', tab: '\t' }, 452192817379272],
    ['strings that need escaping only after a plain start, and an empty column name', { a: 'plain start then "quote', b: 'tail backslash \\', c: 'ctrl \u0007 mid', d: 'é\ud83d\ude00 pair late', e: '', '': 'empty name', _id: 'x' }, 3507522313452858],
    ['numbers, nulls, arrays, objects and dates', { n: 1.5, z: -0, big: 1e21, t: true, nil: null, arr: [1, 'a', { b: 2, a: [null] }], obj: { y: 1, x: 'é' }, d: new Date(0), _id: 7 }, 791458339651551],
  ])('gives the same hash as always for rows of %s', (_name, row, expected) => {
    expect(contentHash(row)).toBe(expected);
  });

  it('ignores column order and the bookkeeping _id, and sees any value change', () => {
    const row = { b: 'x', a: 1, c: null };
    expect(contentHash({ a: 1, c: null, b: 'x', _id: 9 })).toBe(contentHash(row));
    expect(contentHash({ ...row, b: 'y' })).not.toBe(contentHash(row));
    expect(contentHash({ ...row, b: 'x"' })).not.toBe(contentHash(row));
    expect(contentHash({ ...row, a: '1' })).not.toBe(contentHash(row));
  });
});
