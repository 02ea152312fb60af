import { KaifangError, type KaifangErrorOptions } from './kaifang-error.js';

/**
 * The dataset is in the forbidden open class (禁止开放): public-data rules never let it be
 * served, so nothing was requested for its records. Only its catalogue entry may be read.
 */
export class ForbiddenDataError extends KaifangError {
  static {
    this.prototype.name = 'ForbiddenDataError';
  }

  /** The dataset that was asked for. */
  readonly datasetId: string;

  constructor(datasetId: string, options: KaifangErrorOptions = {}) {
    super(`${datasetId} is forbidden public data (禁止开放): it is never served, so no request was sent for it`, 'FORBIDDEN_DATA', options);
    this.datasetId = datasetId;
  }
}
