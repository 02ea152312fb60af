import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';

/**
 * A checkpoint could not be used: unreadable, truncated, written in an unknown format, or saved
 * for another portal, dataset or key column. A sync never starts afresh on its own, because that
 * would report every row as added; the message names the checkpoint and how to reset it.
 */
export class CheckpointError extends KaifangError {
  static {
    this.prototype.name = 'CheckpointError';
  }

  /** Where the checkpoint lives: a file path, or the store's own description. */
  readonly location: string;

  constructor(message: string, location: string, options: KaifangErrorOptions = {}) {
    super(message, 'CHECKPOINT', options);
    this.location = location;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), location: this.location };
  }
}
