import { redactText } from '../http/redact-text.js';

/** Length of a body excerpt in characters. */
export const EXCERPT_LENGTH = 200;

// Redact a little past the cut so a secret that straddles it cannot leave a readable prefix.
const REDACTION_MARGIN = 256;

/**
 * The first ~200 characters of a response body, whitespace collapsed and secrets redacted
 * (secret `name=value` pairs and JSON members, plus the exact `secrets` given).
 *
 * @example
 * ```ts
 * bodyExcerpt('<html><body>appsecret=abc is invalid</body></html>');
 * // '<html><body>appsecret=[REDACTED] is invalid</body></html>'
 * ```
 */
export function bodyExcerpt(body: string, secrets: readonly string[] = []): string {
  const head = body.slice(0, EXCERPT_LENGTH + REDACTION_MARGIN);
  const clean = redactText(head, { secrets }).replace(/\s+/g, ' ').trim();
  return clean.length > EXCERPT_LENGTH || body.length > head.length ? `${clean.slice(0, EXCERPT_LENGTH)}…` : clean;
}
