import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';

/** Where a paged read went wrong. */
export interface PagingErrorDetails {
  readonly page: number;
  readonly expected: number;
  readonly received: number;
}

/**
 * The portal's pages stopped adding up while reading (a short page in the middle, rows moved):
 * rather than return a dataset with holes or duplicates, the read stops. Reading again usually works.
 */
export class PagingError extends KaifangError {
  static {
    this.prototype.name = 'PagingError';
  }

  readonly details: PagingErrorDetails;

  constructor(message: string, details: PagingErrorDetails, options: KaifangErrorOptions = {}) {
    super(message, 'INCONSISTENT_PAGES', options);
    this.details = details;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), ...this.details };
  }
}
