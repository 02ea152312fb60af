import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';

/** One attempt took longer than the `timeout` option (the attempt is retried for GET requests). */
export class TimeoutError extends KaifangError {
  static {
    this.prototype.name = 'TimeoutError';
  }

  /** The per-attempt limit that was exceeded, in ms. */
  readonly timeout: number;

  constructor(timeout: number, options: KaifangErrorOptions = {}) {
    super(`timed out after ${timeout} ms`, 'TIMEOUT', options);
    this.timeout = timeout;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), timeout: this.timeout };
  }
}
