import { formatIssues, type ValidationIssue } from './format-issues.js';
import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';

/** Options of {@link RecordValidationError}. */
export interface RecordValidationErrorOptions extends KaifangErrorOptions {
  /** The row as the portal sent it. Kept for debugging, never included in `toJSON()`. */
  record?: unknown;
}

/**
 * A row failed the user's schema (with `onInvalid: 'throw'`, or collected with `'collect'`).
 *
 * @example
 * ```ts
 * // message: 'record 17 does not match the schema: KXBW: Invalid input: expected number, received string'
 * ```
 */
export class RecordValidationError extends KaifangError {
  static {
    this.prototype.name = 'RecordValidationError';
  }

  /** Zero-based position of the row in the stream. */
  readonly index: number;
  /** The zod issues. */
  readonly issues: readonly ValidationIssue[];
  /** The offending row; may hold personal data, so it stays out of `toJSON()`. */
  readonly record: unknown;

  constructor(index: number, issues: readonly ValidationIssue[], options: RecordValidationErrorOptions = {}) {
    super(`record ${index} does not match the schema: ${formatIssues(issues)}`, 'RECORD_INVALID', options);
    this.index = index;
    this.issues = issues;
    this.record = options.record;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), index: this.index, issues: this.issues };
  }
}
