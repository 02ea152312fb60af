import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from '../errors/kaifang-error.js';

/**
 * The dataset kept changing while it was read (its update date or row count moved between the
 * start and the end of every attempt): the rows read cannot be trusted as one snapshot, so
 * nothing was merged or committed. Pulling again later usually works.
 */
export class DatasetDriftError extends KaifangError {
  static {
    this.prototype.name = 'DatasetDriftError';
  }

  readonly dataset: string;
  readonly attempts: number;

  constructor(message: string, details: { dataset: string; attempts: number }, options: KaifangErrorOptions = {}) {
    super(message, 'DATASET_DRIFT', options);
    this.dataset = details.dataset;
    this.attempts = details.attempts;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), dataset: this.dataset, attempts: this.attempts };
  }
}
