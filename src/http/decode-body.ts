import { ResponseFormatError } from '../errors/response-format-error.js';
import { parseJsonSafely } from './parse-json-safely.js';

/** How a body is handed to `parse`: parsed JSON, or the text as is. */
export type ResponseType = 'json' | 'text';

const looksLikeHtml = (contentType: string | null, text: string): boolean =>
  (contentType !== null && /\btext\/html\b/i.test(contentType)) || text.trimStart().startsWith('<');

/**
 * Turns a successful body into what `parse` receives. For `json`: an HTML page (by
 * `Content-Type` or a leading `<`), an empty body or invalid JSON becomes a
 * {@link ResponseFormatError}. An empty body of a HEAD, 204 or 304 answer is `undefined`.
 */
export function decodeBody(text: string, contentType: string | null, type: ResponseType, status: number, method: string): unknown {
  if (type === 'text') return text;
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (stripped.trim() === '') {
    if (method === 'HEAD' || status === 204 || status === 304) return undefined;
    throw new ResponseFormatError('expected JSON, got an empty body');
  }
  if (looksLikeHtml(contentType, stripped)) {
    throw new ResponseFormatError('expected JSON, got an HTML page', { body: stripped });
  }
  try {
    return parseJsonSafely(stripped);
  } catch {
    // The SyntaxError is not kept: its message quotes the body, which may echo a secret.
    throw new ResponseFormatError('expected JSON, got a truncated or malformed body', { body: stripped });
  }
}

/** Best-effort reading of an error body for the adapter's `errorMessage`: JSON when it parses, else the text. */
export function decodeErrorBody(text: string): unknown {
  try {
    return parseJsonSafely(text);
  } catch {
    return text;
  }
}
