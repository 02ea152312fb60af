import { KaifangError, type KaifangErrorOptions } from './kaifang-error.js';

/** A call's arguments are wrong (an id that could escape its URL path, a page size of 0, …); nothing was sent. */
export class ArgumentError extends KaifangError {
  static {
    this.prototype.name = 'ArgumentError';
  }

  constructor(message: string, options: KaifangErrorOptions = {}) {
    super(message, 'INVALID_ARGUMENT', options);
  }
}
