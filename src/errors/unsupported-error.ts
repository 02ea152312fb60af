import { KaifangError, type KaifangErrorOptions } from './kaifang-error.js';

/** The portal family cannot do what was asked (e.g. `orderBy` on zhejiang interfaces); nothing was sent. */
export class UnsupportedError extends KaifangError {
  static {
    this.prototype.name = 'UnsupportedError';
  }

  constructor(message: string, options: KaifangErrorOptions = {}) {
    super(message, 'UNSUPPORTED', options);
  }
}
