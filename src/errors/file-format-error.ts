import { bodyExcerpt as excerpt } from './body-excerpt.js';
import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';

/** Options of {@link FileFormatError}. */
export interface FileFormatErrorOptions extends KaifangErrorOptions {
  /** One-based line of the text file where the problem was found. */
  line?: number | undefined;
  /** Zero-based byte offset in the file where the problem was found. */
  byteOffset?: number | undefined;
  /** The start of the file as text; only a redacted ~200-character excerpt is kept. */
  body?: string | undefined;
}

/**
 * A dataset file could not be read as the format it claims: text in another encoding, a ragged
 * CSV row, an unterminated quote, an HTML page instead of CSV, broken JSON, a corrupt XLSX.
 * `line` and/or `byteOffset` say where.
 *
 * @example
 * ```ts
 * // message: 'CSV line 7 has 3 fields, the header has 12'
 * if (error instanceof FileFormatError) console.error(error.line, error.byteOffset);
 * ```
 */
export class FileFormatError extends KaifangError {
  static {
    this.prototype.name = 'FileFormatError';
  }

  /** One-based line where the problem was found, when the file is text. */
  readonly line: number | undefined;
  /** Zero-based byte offset where the problem was found, when known. */
  readonly byteOffset: number | undefined;
  /** The first ~200 characters of the file, secrets redacted, when they help (e.g. an HTML page). */
  readonly bodyExcerpt: string | undefined;

  constructor(message: string, options: FileFormatErrorOptions = {}) {
    super(message, 'FILE_FORMAT', options);
    this.line = options.line;
    this.byteOffset = options.byteOffset;
    this.bodyExcerpt = options.body === undefined ? undefined : excerpt(options.body);
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), line: this.line, byteOffset: this.byteOffset, bodyExcerpt: this.bodyExcerpt };
  }
}
