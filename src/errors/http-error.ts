import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';
import { statusText as reasonPhrase } from './status-text.js';

/** Options of {@link HttpError} and its subclasses. */
export interface HttpErrorOptions extends KaifangErrorOptions {
  /** HTTP status code of the answer. */
  status: number;
  /** HTTP status text; the standard phrase is used when empty. */
  statusText?: string | undefined;
  /** The first ~200 characters of the body, secrets redacted. */
  bodyExcerpt?: string | undefined;
  /** The portal's own explanation, taken from the error body by the adapter. */
  portalMessage?: string | undefined;
  /** Replaces the default `<status> <statusText>: <portalMessage>` message. */
  message?: string | undefined;
}

/** Options of the {@link HttpError} subclasses, whose status has a sensible default. */
export type HttpErrorSubclassOptions = Omit<HttpErrorOptions, 'status'> & { status?: number | undefined };

/** The default HTTP error message: `404 Not Found: <portal message>`. */
export function httpErrorMessage(status: number, statusText?: string, portalMessage?: string): string {
  const text = reasonPhrase(status, statusText);
  const head = text === '' ? String(status) : `${status} ${text}`;
  return portalMessage ? `${head}: ${portalMessage}` : head;
}

/**
 * The portal answered with a non-2xx status. Subclasses narrow it down: {@link NotFoundError},
 * {@link AuthError}, {@link RateLimitError}, {@link ServerError}.
 *
 * @example
 * ```ts
 * // message: 'GET https://ckan.example.org/api/3/action/package_show?id=x → 404 Not Found: Not found: Dataset not found'
 * ```
 */
export class HttpError extends KaifangError {
  static {
    this.prototype.name = 'HttpError';
  }

  /** HTTP status code. */
  readonly status: number;
  /** HTTP status text (the standard phrase when the server sent none). */
  readonly statusText: string;
  /** The first ~200 characters of the body, secrets redacted. */
  readonly bodyExcerpt: string | undefined;
  /** The portal's own explanation, when the adapter could read one. */
  readonly portalMessage: string | undefined;

  constructor(options: HttpErrorOptions, code = 'HTTP_ERROR') {
    super(options.message ?? httpErrorMessage(options.status, options.statusText, options.portalMessage), code, options);
    this.status = options.status;
    this.statusText = reasonPhrase(options.status, options.statusText);
    this.bodyExcerpt = options.bodyExcerpt;
    this.portalMessage = options.portalMessage;
  }

  override toJSON(): KaifangErrorJSON {
    return {
      ...super.toJSON(),
      status: this.status,
      statusText: this.statusText,
      bodyExcerpt: this.bodyExcerpt,
      portalMessage: this.portalMessage,
    };
  }
}
