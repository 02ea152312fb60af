import { parseByteRange, type ByteRange } from './byte-range.js';

/** A file the sandbox serves with validators and byte ranges. */
export interface ServedFile {
  /** A strong, quoted ETag that changes whenever the bytes do. */
  readonly etag: string;
  readonly lastModified: Date;
  readonly contentType: string;
  readonly filename: string;
  /** The whole file, generated afresh for each request. */
  chunks(): Iterable<Uint8Array>;
  /** The length in bytes when known cheaply; otherwise the answer is chunked. */
  readonly length: number | undefined;
  /** Measures the length (by generating the file once) when a range needs it. */
  measure(): number;
}

function notModified(request: Request, file: ServedFile): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(file.etag);
  }
  const ifModifiedSince = Date.parse(request.headers.get('if-modified-since') ?? '');
  // HTTP dates have whole seconds.
  return !Number.isNaN(ifModifiedSince) && Math.floor(file.lastModified.getTime() / 1000) * 1000 <= ifModifiedSince;
}

/** `If-Range` names the current ETag or Last-Modified date; anything else means "send the whole file". */
function rangeStillValid(request: Request, file: ServedFile): boolean {
  const ifRange = request.headers.get('if-range');
  if (ifRange === null) return true;
  if (ifRange.trim() === file.etag) return true;
  const date = Date.parse(ifRange);
  return !Number.isNaN(date) && Math.floor(file.lastModified.getTime() / 1000) * 1000 === date;
}

function body(file: ServedFile, range: ByteRange | undefined): ReadableStream<Uint8Array> {
  const chunks = file.chunks()[Symbol.iterator]();
  let offset = 0;
  const start = range?.start ?? 0;
  const end = range ? range.end + 1 : Number.POSITIVE_INFINITY;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      for (;;) {
        const next = offset >= end ? undefined : chunks.next();
        if (!next || next.done) {
          controller.close();
          return;
        }
        const chunk = next.value;
        const from = offset;
        offset += chunk.length;
        if (offset <= start) continue;
        const piece = chunk.subarray(Math.max(0, start - from), Math.min(chunk.length, end - from));
        if (piece.length === 0) continue;
        controller.enqueue(piece);
        return;
      }
    },
    cancel() {
      chunks.return?.();
    },
  });
}

/**
 * Answers a GET or HEAD for a file as a careful static file server does: `ETag`,
 * `Last-Modified`, `Accept-Ranges`, `304` on a matching `If-None-Match` / `If-Modified-Since`,
 * `206` for one byte range (`If-Range` respected), `416` for a range past the end.
 */
export function serveFile(request: Request, file: ServedFile): Response {
  const headers = new Headers({
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.filename}"`,
    etag: file.etag,
    'last-modified': file.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    'cache-control': 'no-cache',
  });
  if (notModified(request, file)) return new Response(null, { status: 304, headers });
  const rangeHeader = rangeStillValid(request, file) ? request.headers.get('range') : null;
  if (rangeHeader !== null) {
    const length = file.length ?? file.measure();
    const range = parseByteRange(rangeHeader, length);
    if (range === 'unsatisfiable') {
      headers.set('content-range', `bytes */${length}`);
      headers.set('content-type', 'text/plain; charset=utf-8');
      return new Response('416 Range Not Satisfiable\n', { status: 416, headers });
    }
    if (range) {
      headers.set('content-range', `bytes ${range.start}-${range.end}/${length}`);
      headers.set('content-length', String(range.end - range.start + 1));
      return new Response(request.method === 'HEAD' ? null : body(file, range), { status: 206, headers });
    }
  }
  if (file.length !== undefined) headers.set('content-length', String(file.length));
  return new Response(request.method === 'HEAD' ? null : body(file, undefined), { status: 200, headers });
}
