import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';

/** The body grew past `maxResponseBytes`; reading stopped there. Not retried. */
export class ResponseTooLargeError extends KaifangError {
  static {
    this.prototype.name = 'ResponseTooLargeError';
  }

  /** The limit that was exceeded, in bytes. */
  readonly limit: number;

  constructor(limit: number, options: KaifangErrorOptions = {}) {
    super(`response body exceeds ${limit} bytes`, 'RESPONSE_TOO_LARGE', options);
    this.limit = limit;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), limit: this.limit };
  }
}
