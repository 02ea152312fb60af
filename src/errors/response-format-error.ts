import { bodyExcerpt as excerpt } from './body-excerpt.js';
import { formatIssues, type ValidationIssue } from './format-issues.js';
import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';

/** Options of {@link ResponseFormatError}. */
export interface ResponseFormatErrorOptions extends KaifangErrorOptions {
  /** The zod issues of a failed envelope check; the first one is summarised in the message. */
  issues?: readonly ValidationIssue[] | undefined;
  /** The raw body; only a redacted ~200-character excerpt is kept. */
  body?: string | undefined;
  /** A ready excerpt, used when `body` is not given. */
  bodyExcerpt?: string | undefined;
}

/**
 * The portal answered something that is not its API: an HTML page, broken or truncated JSON,
 * an envelope that drifted from the documented shape. GET requests are retried before this is
 * thrown, since in practice these are mostly transient proxy faults.
 *
 * @example
 * ```ts
 * const parsed = Envelope.safeParse(body);
 * if (!parsed.success) throw new ResponseFormatError('unexpected package_show envelope', { issues: parsed.error.issues });
 * ```
 */
export class ResponseFormatError extends KaifangError {
  static {
    this.prototype.name = 'ResponseFormatError';
  }

  /** The zod issues, when a schema check failed. */
  readonly issues: readonly ValidationIssue[] | undefined;
  /** The first ~200 characters of the body, secrets redacted. */
  readonly bodyExcerpt: string | undefined;

  constructor(message: string, options: ResponseFormatErrorOptions = {}) {
    const detail = options.issues && options.issues.length > 0 ? `${message}: ${formatIssues(options.issues)}` : message;
    super(detail, 'RESPONSE_FORMAT', options);
    this.issues = options.issues;
    this.bodyExcerpt = options.body === undefined ? options.bodyExcerpt : excerpt(options.body);
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), issues: this.issues, bodyExcerpt: this.bodyExcerpt };
  }
}
