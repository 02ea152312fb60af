import { DEFAULT_SECRET_PARAMS, REDACTED } from './redaction-defaults.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';

/** What {@link redactText} hides. */
export interface RedactTextOptions {
  /**
   * Parameter names whose values are hidden wherever they appear as `name=value` or as a JSON
   * member `"name": "value"` (a portal that echoes the request in its error page).
   * @default DEFAULT_SECRET_PARAMS
   */
  secretParams?: readonly string[];
  /** Exact secret values to hide anywhere in the text. Empty strings are ignored. */
  secrets?: readonly string[];
}

/**
 * Replaces secrets in free text (an error body, a message, a URL that could not be parsed) with
 * `[REDACTED]`.
 *
 * @example
 * ```ts
 * redactText('bad appsecret=abc123 for x', {}); // 'bad appsecret=[REDACTED] for x'
 * redactText('token s3cr3t rejected', { secrets: ['s3cr3t'] }); // 'token [REDACTED] rejected'
 * ```
 */
export function redactText(text: string, options: RedactTextOptions = {}): string {
  let result = text;
  // Longest first, so a secret that contains another one is hidden whole.
  const secrets = [...new Set(options.secrets ?? [])].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of secrets) result = result.split(secret).join(REDACTED);
  const names = options.secretParams ?? DEFAULT_SECRET_PARAMS;
  if (names.length === 0) return result;
  const { pair, member } = patternsFor(names);
  result = result.replace(pair, (_match, lead: string, name: string) => `${lead}${name}=${REDACTED}`);
  result = result.replace(member, (_match, head: string) => `${head}"${REDACTED}"`);
  return result;
}

interface ParamPatterns {
  /** `name=value` in a query string or free text. */
  pair: RegExp;
  /** `"name": value` in echoed JSON. */
  member: RegExp;
}

// Every request redacts its URL with the same few name lists: compile each list's patterns once.
const compiled = new Map<string, ParamPatterns>();
const MAX_COMPILED = 32;

function patternsFor(names: readonly string[]): ParamPatterns {
  const cacheKey = names.join('\n');
  let patterns = compiled.get(cacheKey);
  if (!patterns) {
    const alternatives = names.map(escapeRegExp).join('|');
    patterns = {
      pair: new RegExp(`(^|[?&;\\s"'(,])(${alternatives})=(?!\\[REDACTED\\])[^&\\s"'<>#;,)]*`, 'gi'),
      member: new RegExp(`("(?:${alternatives})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|[^,}\\s]+)`, 'gi'),
    };
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(cacheKey, patterns);
  }
  return patterns;
}
