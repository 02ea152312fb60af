import type { CallOptions, RawRecord, RecordReader } from '../portals/portal-adapter.js';
import { NetworkError } from '../errors/network-error.js';
import { PagingError } from '../errors/paging-error.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import type { FileReadOptions } from './file-read-options.js';

export interface ReadPagesOptions {
  /** Numbered pages fetched at once. */
  readonly concurrency: number;
  /** Stop after this many pages (a `limit` without client-side filters). */
  readonly maxPages: number | undefined;
  readonly call: CallOptions;
  /** How a `file` reader's file is read. */
  readonly file?: FileReadOptions;
}

/**
 * Yields pages of rows in order. Numbered pages are fetched up to `concurrency` ahead and
 * reordered; cursor pages one after another. Leaving the loop early aborts what is in flight.
 */
export async function* readPages(reader: RecordReader, options: ReadPagesOptions): AsyncGenerator<RawRecord[]> {
  if (reader.kind === 'file') {
    // The file readers (CSV, JSON, XLSX) load only when a dataset has no query API.
    const { readFileRows } = await import('./read-file-rows.js');
    yield* readFileRows(reader.file, options.file ?? {}, options.call);
    return;
  }
  if (reader.kind === 'stream') {
    yield* readStream(reader, options);
    return;
  }
  if (reader.kind === 'cursor') {
    let cursor: string | undefined;
    let pages = 0;
    do {
      options.call.signal?.throwIfAborted();
      const page = await reader.fetchPage(cursor, options.call);
      pages++;
      if (page.rows.length > 0) yield page.rows;
      // A page without rows ends the read even if the portal offers another link: CKAN keeps
      // offering `next` past the end.
      cursor = page.rows.length > 0 ? page.cursor : undefined;
    } while (cursor !== undefined && (options.maxPages === undefined || pages < options.maxPages));
    return;
  }
  yield* readNumberedPages(reader, options);
}

async function* readNumberedPages(
  reader: Extract<RecordReader, { kind: 'pages' }>,
  options: ReadPagesOptions,
): AsyncGenerator<RawRecord[]> {
  const inFlight = new AbortController();
  const signal = options.call.signal ? AbortSignal.any([options.call.signal, inFlight.signal]) : inFlight.signal;
  const call: CallOptions = { ...options.call, signal };
  const knownPages = reader.total === undefined ? undefined : Math.ceil(reader.total / reader.pageSize);
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const pending = new Map<number, Promise<RawRecord[]>>();
  const fetchPage = (pageNumber: number) => {
    const promise = reader.fetchPage(pageNumber, call);
    // A page fetched ahead may never be awaited if the consumer stops; its failure must not surface.
    promise.catch(() => undefined);
    pending.set(pageNumber, promise);
  };

  let nextToFetch = 1;
  try {
    for (let page = 1; page <= maxPages; page++) {
      // Within the pages the portal announced, fetch ahead; past them (rows added while we read,
      // or no total at all) go one page at a time until a short page ends the dataset.
      const horizon = Math.min(maxPages, Math.max(page, Math.min(knownPages ?? page, page + options.concurrency - 1)));
      while (nextToFetch <= horizon) fetchPage(nextToFetch++);
      let rows = await (pending.get(page) as Promise<RawRecord[]>);
      pending.delete(page);
      if (rows.length < reader.pageSize && knownPages !== undefined && page < knownPages) {
        // A short page before the last one means the portal lost or moved rows while we paged:
        // ask once more, and refuse to guess if it happens again.
        rows = await reader.fetchPage(page, call);
        if (rows.length < reader.pageSize) {
          throw new PagingError(
            `Page ${page} of ${knownPages} returned ${rows.length} rows instead of ${reader.pageSize}: the dataset changed or the portal dropped rows while paging`,
            { page, expected: reader.pageSize, received: rows.length },
          );
        }
      }
      if (rows.length > 0) yield rows;
      if (rows.length < reader.pageSize) return;
    }
  } finally {
    // Only pages fetched ahead and never awaited are still in flight. A read that ran to its end
    // has none, and aborting would walk every finished request's signal for nothing.
    if (pending.size > 0) inFlight.abort();
  }
}

/** Reopenings in a row that deliver no new row before the stream read gives up. */
const STREAM_STALLS = 2;

/**
 * Yields a streamed export. The transport retries opening it; a break mid-way (or a clean end
 * short of the announced total) reopens it after the rows already delivered, for as long as each
 * reopening makes progress, so a flaky connection never silently drops rows.
 */
async function* readStream(reader: Extract<RecordReader, { kind: 'stream' }>, options: ReadPagesOptions): AsyncGenerator<RawRecord[]> {
  let delivered = 0;
  let stalls = 0;
  for (;;) {
    const before = delivered;
    try {
      for await (const rows of reader.rows(delivered, options.call)) {
        delivered += rows.length;
        if (rows.length > 0) yield rows;
      }
      return;
    } catch (error) {
      const broken = error instanceof NetworkError || error instanceof ResponseFormatError;
      if (!broken || options.call.signal?.aborted) throw error;
      stalls = delivered > before ? 0 : stalls + 1;
      if (stalls > STREAM_STALLS) throw error;
    }
  }
}
