import { parseRetryAfter } from '../http/parse-retry-after.js';
import { redactText } from '../http/redact-text.js';
import { AuthError } from './auth-error.js';
import { bodyExcerpt } from './body-excerpt.js';
import { HttpError, type HttpErrorOptions } from './http-error.js';
import type { RequestSummary } from './kaifang-error.js';
import { NotFoundError } from './not-found-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { ServerError } from './server-error.js';

/** Input of {@link createHttpError}. */
export interface CreateHttpErrorInput {
  /** The request, already redacted. */
  request?: RequestSummary | undefined;
  /** HTTP status code (non-2xx). */
  status: number;
  /** HTTP status text. */
  statusText?: string | undefined;
  /** Response headers; `Retry-After` is read from them. */
  headers?: Headers | undefined;
  /** The response body as text; only a redacted excerpt is kept. */
  body?: string | undefined;
  /** The portal's own message, pulled out of the body by the adapter. */
  portalMessage?: string | undefined;
  /** Exact secret values to redact from the excerpt and the portal message. */
  secrets?: readonly string[] | undefined;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * Maps a non-2xx answer to its error class: 404/410 → {@link NotFoundError}, 401/403 →
 * {@link AuthError}, 429 → {@link RateLimitError} (with `retryAfter` from `Retry-After`),
 * 5xx → {@link ServerError}, anything else → {@link HttpError}.
 *
 * @example
 * ```ts
 * throw createHttpError({ request, status: 404, statusText: 'Not Found', body, portalMessage: 'Not found: Dataset not found' });
 * ```
 */
export function createHttpError(input: CreateHttpErrorInput): HttpError {
  const secrets = input.secrets ?? [];
  const options: HttpErrorOptions = {
    status: input.status,
    statusText: input.statusText ?? '',
    request: input.request,
    bodyExcerpt: input.body === undefined || input.body === '' ? undefined : bodyExcerpt(input.body, secrets),
    portalMessage: input.portalMessage === undefined ? undefined : redactText(input.portalMessage, { secrets }),
  };
  if (input.cause !== undefined) options.cause = input.cause;
  const { status } = input;
  if (status === 404 || status === 410) return new NotFoundError(options);
  if (status === 401 || status === 403) return new AuthError(options);
  if (status === 429) {
    return new RateLimitError({ ...options, retryAfter: parseRetryAfter(input.headers?.get('retry-after')) });
  }
  if (status >= 500 && status <= 599) return new ServerError(options);
  return new HttpError(options);
}
