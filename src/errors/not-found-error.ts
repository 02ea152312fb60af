import { HttpError, type HttpErrorSubclassOptions } from './http-error.js';

/** The dataset, resource or page does not exist (HTTP 404 or 410, or the portal said so). */
export class NotFoundError extends HttpError {
  static {
    this.prototype.name = 'NotFoundError';
  }

  /** @param options `status` defaults to 404. */
  constructor(options: HttpErrorSubclassOptions = {}) {
    super({ ...options, status: options.status ?? 404 }, 'NOT_FOUND');
  }
}
