import { DEFAULT_SECRET_HEADERS, REDACTED } from './redaction-defaults.js';

/** Anything `new Headers()` accepts. */
export type HeadersLike = Headers | Record<string, string> | [string, string][];

/**
 * Returns the headers as a plain object (lower-case names) with secret values replaced by
 * `[REDACTED]`. An authorization scheme such as `Bearer` is kept so logs still show which kind
 * of credential was sent.
 *
 * @param secretHeaders header names to hide, compared case-insensitively.
 * @default secretHeaders DEFAULT_SECRET_HEADERS
 * @example
 * ```ts
 * redactHeaders({ Authorization: 'Bearer abc', Accept: 'application/json' });
 * // { authorization: 'Bearer [REDACTED]', accept: 'application/json' }
 * ```
 */
export function redactHeaders(
  headers: HeadersLike | undefined,
  secretHeaders: readonly string[] = DEFAULT_SECRET_HEADERS,
): Record<string, string> {
  const names = new Set(secretHeaders.map((name) => name.toLowerCase()));
  const result: Record<string, string> = {};
  for (const [name, value] of new Headers(headers)) {
    if (!names.has(name)) {
      result[name] = value;
      continue;
    }
    const scheme = /^(Bearer|Basic|Token|Digest)\s+\S/i.exec(value);
    result[name] = scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
  }
  return result;
}
