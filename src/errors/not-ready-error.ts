import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';

/** Options of {@link NotReadyError}. */
export interface NotReadyErrorOptions extends KaifangErrorOptions {
  /** HTTP status of the answer. @default 202 */
  status?: number | undefined;
  /** How long the portal asked us to wait before asking again, in ms; `undefined` when it did not say. */
  retryAfter?: number | undefined;
  /** The portal's own explanation, e.g. `Dataset x is being prepared for querying`. */
  portalMessage?: string | undefined;
}

/**
 * The portal accepted the request but has no answer yet, e.g. Socrata's `202 Accepted` while it
 * prepares a cold dataset. GET requests ask again after `retryAfter` (else the backoff) within
 * `retry.retries`; this is thrown when the answer is still not ready after the last retry, or at
 * once with `retry: false`.
 *
 * @example
 * ```ts
 * if (error instanceof NotReadyError) setTimeout(readAgain, error.retryAfter ?? 5_000);
 * ```
 */
export class NotReadyError extends KaifangError {
  static {
    this.prototype.name = 'NotReadyError';
  }

  /** HTTP status of the answer, e.g. 202. */
  readonly status: number;
  /** How long the portal asked us to wait, in ms; `undefined` when it did not say. */
  readonly retryAfter: number | undefined;
  /** The portal's own explanation, when it gave one. */
  readonly portalMessage: string | undefined;

  constructor(options: NotReadyErrorOptions = {}) {
    const status = options.status ?? 202;
    const explanation = options.portalMessage === undefined || options.portalMessage === '' ? '' : `: ${options.portalMessage}`;
    super(`the answer is not ready yet (${status})${explanation}`, 'NOT_READY', options);
    this.status = status;
    this.retryAfter = options.retryAfter;
    this.portalMessage = options.portalMessage;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), status: this.status, retryAfter: this.retryAfter, portalMessage: this.portalMessage };
  }
}
