import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from '../errors/kaifang-error.js';

/** What is wrong with the key column. */
export type SyncKeyProblem = 'missing_column' | 'missing_value' | 'duplicate';

/**
 * The data cannot be synced by the chosen key: the column is absent, a row has no value in it,
 * or two rows share a value. Nothing is committed; pick another `key` or fix the data.
 */
export class SyncKeyError extends KaifangError {
  static {
    this.prototype.name = 'SyncKeyError';
  }

  readonly problem: SyncKeyProblem;
  /** The key column. */
  readonly key: string;
  /** The offending key value (duplicates) or the row's position in the read (missing values). */
  readonly value: string | number | undefined;

  constructor(message: string, details: { problem: SyncKeyProblem; key: string; value?: string | number }, options: KaifangErrorOptions = {}) {
    super(message, 'SYNC_KEY', options);
    this.problem = details.problem;
    this.key = details.key;
    this.value = details.value;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), problem: this.problem, key: this.key, value: this.value };
  }
}
