/** Whole seconds, as HTTP dates carry them. */
export function toHttpSecond(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** An HTTP date (`Thu, 26 Nov 2026 08:00:00 GMT`). */
export function httpDate(date: Date): string {
  return new Date(toHttpSecond(date) * 1000).toUTCString();
}

/** A short strong ETag of a body: two 32-bit FNV-1a hashes, so the same bytes give the same tag. */
export function entityTag(text: string): string {
  let a = 2166136261;
  let b = 0x811c9dc5 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 16777619);
    b = Math.imul(b ^ code, 0x01000193 ^ 0x2f);
  }
  return `"${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}"`;
}

/**
 * Whether a conditional GET may be answered 304: `If-None-Match` decides when present
 * (RFC 9110 §13.1.3), else `If-Modified-Since` against `Last-Modified`.
 */
export function notModified(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    return ifNoneMatch.split(',').some((tag) => {
      const trimmed = tag.trim();
      return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
    });
  }
  const since = Date.parse(request.headers.get('if-modified-since') ?? '');
  return Number.isFinite(since) && toHttpSecond(lastModified) <= Math.floor(since / 1000);
}
