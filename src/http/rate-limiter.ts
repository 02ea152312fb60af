import { abortableSleep } from './abortable-sleep.js';

/** Limits of one transport's traffic. */
export interface RateLimitOptions {
  /**
   * Most request starts per second, spaced evenly.
   * @default unlimited
   */
  requestsPerSecond?: number | undefined;
  /**
   * Most requests in flight at once (a request counts until its body is read).
   * @default unlimited
   */
  concurrency?: number | undefined;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * A per-transport limiter: a concurrency gate plus even spacing of request starts. Waiting
 * honours an `AbortSignal`; there are no background timers, only the wait of a caller.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ requestsPerSecond: 5, concurrency: 2 });
 * const release = await limiter.acquire(signal);
 * try { await send(); } finally { release(); }
 * ```
 */
export class RateLimiter {
  readonly #interval: number;
  readonly #concurrency: number;
  #active = 0;
  #nextStart = 0;
  readonly #queue: Waiter[] = [];

  constructor(options: RateLimitOptions) {
    const rps = options.requestsPerSecond;
    this.#interval = rps !== undefined && rps > 0 && Number.isFinite(rps) ? 1000 / rps : 0;
    const concurrency = options.concurrency;
    this.#concurrency = concurrency !== undefined && concurrency >= 1 ? Math.floor(concurrency) : Number.POSITIVE_INFINITY;
  }

  /** Number of requests currently holding a slot. */
  get active(): number {
    return this.#active;
  }

  /** Waits for a slot and the next start time; resolves to the function that frees the slot. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    await this.#takeSlot(signal);
    try {
      if (this.#interval > 0) {
        const now = Date.now();
        const start = Math.max(now, this.#nextStart);
        this.#nextStart = start + this.#interval;
        await abortableSleep(start - now, signal);
      }
    } catch (error) {
      this.#release();
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#release();
    };
  }

  #takeSlot(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#active < this.#concurrency) {
      this.#active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.#queue.indexOf(waiter);
          if (index !== -1) this.#queue.splice(index, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#queue.push(waiter);
    });
  }

  #release(): void {
    const next = this.#queue.shift();
    if (next) {
      // The slot passes straight to the next waiter; the active count stays the same.
      next.signal?.removeEventListener('abort', next.onAbort);
      next.resolve();
      return;
    }
    this.#active -= 1;
  }
}
