import { ArgumentError } from '../errors/argument-error.js';

/**
 * Encodes an identifier for a URL path. An id can never become another path or a query:
 * empty ids, `.`/`..`, and ids with `/`, `\`, `?`, `#` or control characters are refused.
 */
export function pathSegment(id: string, what = 'dataset id'): string {
  assertIdentifier(id, what);
  return encodeURIComponent(id);
}

/** Refuses identifiers that are empty, not strings, path traversals, or carry URL syntax. */
export function assertIdentifier(id: unknown, what = 'dataset id'): asserts id is string {
  if (typeof id !== 'string' || id.trim() === '') throw new ArgumentError(`The ${what} must be a non-empty string, got ${JSON.stringify(id)}`);
  // eslint-disable-next-line no-control-regex
  if (id === '.' || id === '..' || /[/\\?#\u0000-\u001f]/.test(id)) {
    throw new ArgumentError(`The ${what} ${JSON.stringify(id)} contains "/", "\\", "?", "#", a control character, or is a path traversal`);
  }
}
