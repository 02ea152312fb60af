/**
 * Deterministic randomness for generated rows. Every value is a pure function of
 * (seed, index, salt): no global state, and row `i` never depends on any other row.
 */

/** FNV-1a of a string, to turn a salt into 32 bits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The splitmix32 finaliser: a bijective, well-mixing map on 32-bit integers. */
export function mix32(value: number): number {
  let t = value | 0;
  t = Math.imul(t ^ (t >>> 16), 0x21f0aafd);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/** A small stream of random numbers for one row. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/**
 * Independent random stream for row `index` of a dataset identified by `salt`.
 * A class rather than a closure bag: a row creates one, so this sits on the sandbox's hot path.
 */
export function rowRandom(seed: number, index: number, salt: string): Random {
  const high = Math.floor(index / 2 ** 32);
  return new RowRandom(mix32(mix32(seed ^ hashString(salt)) ^ mix32(index >>> 0) ^ Math.imul(high, 0x85ebca6b)));
}

class RowRandom implements Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    return mix32(this.state) / 2 ** 32;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let target = this.next() * total;
    for (const [item, weight] of items) {
      target -= weight;
      if (target < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
}
