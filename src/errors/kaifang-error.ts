/** The request an error belongs to; the URL has every secret redacted. */
export interface RequestSummary {
  /** HTTP method, e.g. `GET`. */
  method: string;
  /** Absolute URL with secret query parameters replaced by `[REDACTED]`. */
  url: string;
}

/** Options every kaifang error accepts. */
export interface KaifangErrorOptions {
  /** The lower-level error or value that caused this one. */
  cause?: unknown;
  /** The request, already redacted. Its method and URL prefix the message. */
  request?: RequestSummary | undefined;
}

/** The plain object {@link KaifangError.toJSON} returns: safe to log, no secrets. */
export interface KaifangErrorJSON {
  name: string;
  code: string;
  message: string;
  request?: RequestSummary | undefined;
  cause?: { name: string; message: string } | undefined;
  [field: string]: unknown;
}

const prefixFor = (request: RequestSummary): string => `${request.method} ${request.url} → `;

/**
 * The base class of every error kaifang throws. Catch it to catch them all; switch on `code`
 * (or `instanceof` a subclass) to tell them apart.
 *
 * @example
 * ```ts
 * try { await client.datasets.get('x'); } catch (error) {
 *   if (error instanceof KaifangError) console.error(error.code, error.request?.url);
 * }
 * ```
 */
export class KaifangError extends Error {
  static {
    this.prototype.name = 'KaifangError';
  }

  /** A stable machine-readable code, e.g. `'HTTP_ERROR'`, `'NOT_FOUND'`, `'TIMEOUT'`. */
  readonly code: string;
  /** The request that failed, with every secret redacted; `undefined` when there was none. */
  request: RequestSummary | undefined;

  /**
   * @param message what went wrong, readable on its own; the request is prefixed when given.
   * @param code a stable machine-readable code.
   */
  constructor(message: string, code = 'KAIFANG_ERROR', options: KaifangErrorOptions = {}) {
    super(options.request ? prefixFor(options.request) + message : message, 'cause' in options ? { cause: options.cause } : undefined);
    this.code = code;
    this.request = options.request ? { method: options.request.method, url: options.request.url } : undefined;
    // Drop the constructor frames so the stack starts where the error happened.
    Error.captureStackTrace?.(this, new.target);
  }

  /** A plain, loggable object: name, code, message, request and the fields of the subclass. */
  toJSON(): KaifangErrorJSON {
    const json: KaifangErrorJSON = { name: this.name, code: this.code, message: this.message };
    if (this.request) json.request = { ...this.request };
    if (this.cause instanceof Error) json.cause = { name: this.cause.name, message: this.cause.message };
    return json;
  }
}

/**
 * Records the request on an error created without one (e.g. thrown by an adapter's envelope
 * check) and prefixes its message and stack with the method and redacted URL.
 */
export function attachRequest(error: KaifangError, request: RequestSummary): void {
  if (error.request) return;
  error.request = { method: request.method, url: request.url };
  const before = error.message;
  error.message = prefixFor(request) + before;
  if (typeof error.stack === 'string') {
    error.stack = error.stack.replace(`${error.name}: ${before}`, `${error.name}: ${error.message}`);
  }
}
