import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from '../errors/kaifang-error.js';

/** Options of {@link DownloadIntegrityError}. */
export interface DownloadIntegrityErrorOptions extends KaifangErrorOptions {
  /** What did not match. */
  check: 'size' | 'hash';
  expected: string;
  actual: string;
}

/**
 * A downloaded file does not match the size or checksum the portal declares for it. Nothing is
 * left at the download's `to` path.
 *
 * @example
 * ```ts
 * // message: 'the file's md5 is 9e10…, the portal declares 5d41…'
 * if (error instanceof DownloadIntegrityError) console.error(error.check, error.expected, error.actual);
 * ```
 */
export class DownloadIntegrityError extends KaifangError {
  static {
    this.prototype.name = 'DownloadIntegrityError';
  }

  readonly check: 'size' | 'hash';
  readonly expected: string;
  readonly actual: string;

  constructor(message: string, options: DownloadIntegrityErrorOptions) {
    super(message, 'DOWNLOAD_INTEGRITY', options);
    this.check = options.check;
    this.expected = options.expected;
    this.actual = options.actual;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), check: this.check, expected: this.expected, actual: this.actual };
  }
}
