import { HttpError, type HttpErrorSubclassOptions } from './http-error.js';

/** The portal failed (HTTP 5xx). GET requests are retried before this is thrown. */
export class ServerError extends HttpError {
  static {
    this.prototype.name = 'ServerError';
  }

  /** @param options `status` defaults to 500. */
  constructor(options: HttpErrorSubclassOptions = {}) {
    super({ ...options, status: options.status ?? 500 }, 'SERVER_ERROR');
  }
}
