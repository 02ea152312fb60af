import { DEFAULT_SECRET_PARAMS, REDACTED } from './redaction-defaults.js';
import { redactText } from './redact-text.js';

const decodeName = (raw: string): string => {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
};

/**
 * Returns the URL with the value of every secret query parameter and any password in the
 * user-info part replaced by `[REDACTED]`; other parameters keep their original encoding.
 * A string that is not a URL is redacted as free text instead, so this never throws.
 *
 * @param secretParams parameter names to hide, compared case-insensitively.
 * @default secretParams DEFAULT_SECRET_PARAMS
 * @example
 * ```ts
 * redactUrl('https://data.example.cn/get_data.do?appsecret=abc&pageNum=1');
 * // 'https://data.example.cn/get_data.do?appsecret=[REDACTED]&pageNum=1'
 * ```
 */
export function redactUrl(url: string | URL, secretParams: readonly string[] = DEFAULT_SECRET_PARAMS): string {
  const text = String(url);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return redactText(text, { secretParams });
  }
  const names = new Set(secretParams.map((name) => name.toLowerCase()));
  if (parsed.password !== '') parsed.password = 'REDACTED';
  const query = parsed.search.slice(1);
  const hash = parsed.hash;
  parsed.search = '';
  parsed.hash = '';
  let result = parsed.href;
  if (query !== '') {
    const parts = query.split('&').map((part) => {
      const eq = part.indexOf('=');
      const rawName = eq === -1 ? part : part.slice(0, eq);
      return names.has(decodeName(rawName).toLowerCase()) ? `${rawName}=${REDACTED}` : part;
    });
    result += `?${parts.join('&')}`;
  }
  return result.replace(':REDACTED@', `:${REDACTED}@`) + hash;
}
