import type { Transport } from './transport-types.js';
import type { CallOptions, FileRequest, OpenedFile } from '../portals/portal-adapter.js';
import { transportCallOptions } from '../portals/transport-call-options.js';

/** How an adapter sends a file request: the URL and credentials are the adapter's business. */
export interface FileRequestSpec {
  readonly url: string;
  readonly searchParams?: Record<string, string | undefined>;
  readonly headers?: Record<string, string>;
  readonly secrets?: readonly string[];
  readonly errorMessage?: (body: unknown) => string | undefined;
}

const lengthOf = (value: string | null): number | undefined => {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
};

/**
 * Sends one GET for a file through the transport as an unread stream (never cached; only the
 * initial response is retried), with `Range` / `If-Range` / `If-None-Match` /
 * `If-Modified-Since` as asked. Non-2xx answers other than 304 become the transport's HTTP errors.
 */
export async function requestFile(transport: Transport, spec: FileRequestSpec, request: FileRequest, options: CallOptions): Promise<OpenedFile> {
  const headers: Record<string, string> = { accept: '*/*', ...spec.headers };
  if (request.from !== undefined && request.from > 0) {
    headers['range'] = `bytes=${request.from}-`;
    if (request.ifRange !== undefined) headers['if-range'] = request.ifRange;
  }
  if (request.ifNoneMatch !== undefined) headers['if-none-match'] = request.ifNoneMatch;
  if (request.ifModifiedSince !== undefined) headers['if-modified-since'] = request.ifModifiedSince;
  const response = await transport.request({
    method: 'GET',
    url: spec.url,
    ...(spec.searchParams ? { searchParams: spec.searchParams } : {}),
    headers,
    ...(spec.secrets ? { secrets: spec.secrets } : {}),
    ...(spec.errorMessage ? { errorMessage: spec.errorMessage } : {}),
    responseType: 'stream',
    ...transportCallOptions(options),
    cache: false,
    parse: (body, meta): OpenedFile => {
      const stream = body as ReadableStream<Uint8Array> | null;
      const contentLength = lengthOf(meta.headers.get('content-length'));
      const range = /\/(\d+)\s*$/.exec(meta.headers.get('content-range') ?? '');
      return {
        status: meta.status,
        body: meta.status === 304 ? null : stream,
        contentType: meta.headers.get('content-type'),
        etag: meta.headers.get('etag'),
        lastModified: meta.headers.get('last-modified'),
        contentLength,
        totalLength: meta.status === 206 ? (range ? Number(range[1]) : undefined) : contentLength,
        acceptRanges: meta.status === 206 || /\bbytes\b/i.test(meta.headers.get('accept-ranges') ?? ''),
      };
    },
  });
  return response.data;
}
