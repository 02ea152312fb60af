import type { KaifangErrorJSON } from './kaifang-error.js';
import { HttpError, httpErrorMessage, type HttpErrorSubclassOptions } from './http-error.js';

/** Options of {@link RateLimitError}. */
export type RateLimitErrorOptions = HttpErrorSubclassOptions & {
  /** How long the portal asked us to wait, in ms. */
  retryAfter?: number | undefined;
  /** When the quota resets; derived from `retryAfter` when not given. */
  resetAt?: Date | undefined;
};

/**
 * The portal throttled us (HTTP 429, or a quota code in the body). Thrown after retries when
 * the wait the portal asks for is within `retry.maxRetryAfter`, at once when it is longer.
 *
 * @example
 * ```ts
 * if (error instanceof RateLimitError && error.resetAt) scheduleAt(error.resetAt);
 * ```
 */
export class RateLimitError extends HttpError {
  static {
    this.prototype.name = 'RateLimitError';
  }

  /** How long the portal asked us to wait, in ms; `undefined` when it did not say. */
  readonly retryAfter: number | undefined;
  /** When the quota resets, when known. */
  readonly resetAt: Date | undefined;

  /** @param options `status` defaults to 429. */
  constructor(options: RateLimitErrorOptions = {}) {
    const status = options.status ?? 429;
    const wait = options.retryAfter === undefined ? '' : ` (retry after ${Math.ceil(options.retryAfter / 1000)} s)`;
    const message = options.message ?? httpErrorMessage(status, options.statusText, options.portalMessage);
    super({ ...options, status, message: message + wait }, 'RATE_LIMITED');
    this.retryAfter = options.retryAfter;
    this.resetAt =
      options.resetAt ?? (options.retryAfter === undefined ? undefined : new Date(Date.now() + options.retryAfter));
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), retryAfter: this.retryAfter, resetAt: this.resetAt?.toISOString() };
  }
}
