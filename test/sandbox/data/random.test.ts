import { describe, expect, it } from 'vitest';
import { permuteIndex } from '../../../src/sandbox/data/index-permutation.js';
import { rowRandom } from '../../../src/sandbox/data/random.js';

describe('rowRandom', () => {
  it('gives the same stream for the same seed, index and salt', () => {
    const a = rowRandom(9, 123_456, 'x');
    const b = rowRandom(9, 123_456, 'x');
    for (let i = 0; i < 20; i++) expect(a.next()).toBe(b.next());
  });

  it('gives different streams when the seed, the index or the salt changes', () => {
    const first = rowRandom(9, 5, 'x').next();
    expect(rowRandom(10, 5, 'x').next()).not.toBe(first);
    expect(rowRandom(9, 6, 'x').next()).not.toBe(first);
    expect(rowRandom(9, 5, 'y').next()).not.toBe(first);
    expect(rowRandom(9, 5 + 2 ** 32, 'x').next()).not.toBe(first);
  });

  it('produces uniform values in [0, 1) and integers within their bounds', () => {
    const random = rowRandom(1, 1, 'uniform');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const value = random.next();
      expect(value >= 0 && value < 1).toBe(true);
      sum += value;
      const int = random.int(3, 7);
      expect(int >= 3 && int <= 7 && Number.isInteger(int)).toBe(true);
    }
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.01);
  });
});

describe('permuteIndex', () => {
  it('maps distinct indices below the modulus to distinct values below it', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const value = permuteIndex(i, 10_000, 3, 'test');
      expect(value >= 0 && value < 10_000).toBe(true);
      seen.add(value);
    }
    expect(seen.size).toBe(10_000);
  });

  it('depends on the seed', () => {
    const a = Array.from({ length: 10 }, (_, i) => permuteIndex(i, 1_000_000, 1, 's'));
    const b = Array.from({ length: 10 }, (_, i) => permuteIndex(i, 1_000_000, 2, 's'));
    expect(a).not.toEqual(b);
  });
});
