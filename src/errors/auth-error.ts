import { HttpError, type HttpErrorSubclassOptions } from './http-error.js';

/**
 * The credentials are missing, wrong or not allowed here: HTTP 401/403, or a portal that
 * answers 200 with a "bad signature" code (the adapter then throws this with `status: 200`).
 */
export class AuthError extends HttpError {
  static {
    this.prototype.name = 'AuthError';
  }

  /** @param options `status` defaults to 401. */
  constructor(options: HttpErrorSubclassOptions = {}) {
    super({ ...options, status: options.status ?? 401 }, 'AUTH_ERROR');
  }
}
