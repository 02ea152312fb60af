import { ArgumentError } from '../errors/index.js';

/** An absolute http(s) URL without a trailing slash, so paths can be appended as `${base}/…`. */
export function normalizeBaseUrl(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ArgumentError(`${what} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ArgumentError(`${what} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ArgumentError(`${what} must use http or https, got ${url.protocol}`);
  if (url.search || url.hash) throw new ArgumentError(`${what} must not carry a query or fragment (pass credentials as options)`);
  return url.href.replace(/\/+$/, '');
}
