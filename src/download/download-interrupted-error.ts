import { NetworkError } from '../errors/network-error.js';
import type { KaifangErrorJSON, KaifangErrorOptions } from '../errors/kaifang-error.js';

/** Options of {@link DownloadInterruptedError}. */
export interface DownloadInterruptedErrorOptions extends KaifangErrorOptions {
  /** Bytes of the file received before the break, counted from the file's start. */
  byteOffset: number;
  /** The file's length, when the server announced it. */
  expected?: number | undefined;
}

/**
 * A file's body stopped before its end: the connection dropped, or it closed short of the
 * announced length. `byteOffset` says where; a download to a path keeps its `.part` file for
 * resumption when the server supports ranges.
 *
 * @example
 * ```ts
 * // message: 'the download broke at byte 524288 of 1048576: terminated'
 * if (error instanceof DownloadInterruptedError) console.error(error.byteOffset);
 * ```
 */
export class DownloadInterruptedError extends NetworkError {
  static {
    this.prototype.name = 'DownloadInterruptedError';
  }

  readonly byteOffset: number;
  readonly expected: number | undefined;

  constructor(message: string, options: DownloadInterruptedErrorOptions) {
    super(message, options);
    this.byteOffset = options.byteOffset;
    this.expected = options.expected;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), byteOffset: this.byteOffset, expected: this.expected };
  }
}
