import { KaifangError, type KaifangErrorOptions } from './kaifang-error.js';

/**
 * No usable answer arrived: DNS failure, refused or reset connection, a body cut off mid-way.
 * The original error is in `cause`. GET requests are retried before this is thrown.
 */
export class NetworkError extends KaifangError {
  static {
    this.prototype.name = 'NetworkError';
  }

  constructor(message = 'network error', options: KaifangErrorOptions = {}) {
    super(message, 'NETWORK_ERROR', options);
  }
}
