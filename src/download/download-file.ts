import { ArgumentError } from '../errors/argument-error.js';
import { HttpError } from '../errors/http-error.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import type { DatasetFile, OpenedFile } from '../portals/portal-adapter.js';
import { transportCallOptions } from '../portals/transport-call-options.js';
import { DownloadIntegrityError } from './download-integrity-error.js';
import { DownloadInterruptedError } from './download-interrupted-error.js';
import type { DownloadOptions, DownloadResult } from './download-options.js';
import { parseExpectedHash } from './expected-hash.js';
import { guardBody } from './guard-body.js';
import { createNodeHash, type IncrementalHash } from './node-hash.js';

/** Where bytes go, and what a finished or failed download does with them. */
interface Sink {
  /** Bytes already present (a `.part` being resumed). */
  readonly existing: number;
  /** Validators saved with the part, for `If-Range`. */
  readonly validator: string | undefined;
  /** Feeds the part already on disk to the hash. */
  replay(hash: IncrementalHash): Promise<void>;
  /** Starts writing at 0 (discarding a part) or appending. */
  begin(append: boolean, validator: string | undefined): Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  /** Removes the partial file, or keeps it for resumption. */
  fail(keep: boolean): Promise<void>;
}

async function pathSink(to: string, resume: boolean): Promise<Sink> {
  const fs = await import('node:fs/promises');
  const part = `${to}.part`;
  const meta = `${to}.part.json`;
  let existing = 0;
  let validator: string | undefined;
  if (resume) {
    try {
      existing = (await fs.stat(part)).size;
      validator = (JSON.parse(await fs.readFile(meta, 'utf8')) as { validator?: string }).validator;
    } catch {
      existing = 0;
    }
    // A part without its validator cannot be resumed safely: the file may have changed since.
    if (validator === undefined) existing = 0;
  }
  let handle: Awaited<ReturnType<typeof fs.open>> | undefined;
  const remove = async () => {
    await fs.rm(part, { force: true });
    await fs.rm(meta, { force: true });
  };
  return {
    existing,
    validator,
    async replay(hash) {
      const reader = await fs.open(part, 'r');
      try {
        for await (const chunk of reader.createReadStream({ end: existing - 1, autoClose: false })) hash.update(chunk as Uint8Array);
      } finally {
        await reader.close();
      }
    },
    async begin(append, nextValidator) {
      handle = await fs.open(part, append ? 'a' : 'w');
      if (nextValidator !== undefined) await fs.writeFile(meta, JSON.stringify({ validator: nextValidator }));
      else await fs.rm(meta, { force: true });
    },
    async write(chunk) {
      let at = 0;
      while (at < chunk.length) at += (await (handle as NonNullable<typeof handle>).write(chunk, at)).bytesWritten;
    },
    async commit() {
      await handle?.sync();
      await handle?.close();
      handle = undefined;
      await fs.rename(part, to);
      await fs.rm(meta, { force: true });
    },
    async fail(keep) {
      await handle?.close().catch(() => undefined);
      handle = undefined;
      if (!keep) await remove();
    },
  };
}

function streamSink(to: WritableStream<Uint8Array>): Sink {
  const writer = to.getWriter();
  return {
    existing: 0,
    validator: undefined,
    replay: async () => undefined,
    begin: async () => undefined,
    write: (chunk) => writer.write(chunk),
    commit: async () => {
      await writer.close();
    },
    fail: async () => {
      await writer.abort().catch(() => undefined);
    },
  };
}

/**
 * Downloads a dataset file to a path or a stream: progress events, a `Range` resume of an
 * existing `.part` file, the declared size and checksum checked before the file appears at `to`.
 */
export async function downloadFile(file: DatasetFile, options: DownloadOptions, maxBytes: number | undefined): Promise<DownloadResult> {
  const call = transportCallOptions(options);
  if (typeof options.to !== 'string' && !(options.to instanceof WritableStream)) throw new ArgumentError('download needs `to`: a file path or a WritableStream');
  const sink = typeof options.to === 'string' ? await pathSink(options.to, options.resume ?? true) : streamSink(options.to);
  const expectedHash = parseExpectedHash(file.hash);
  let opened: OpenedFile;
  let from = sink.existing;
  try {
    try {
      opened = await file.open(from > 0 ? { from, ...(sink.validator !== undefined ? { ifRange: sink.validator } : {}) } : {}, call);
    } catch (error) {
      // 416: the part is not a prefix of the file any more: start again.
      if (!(error instanceof HttpError && error.status === 416) || from === 0) throw error;
      from = 0;
      opened = await file.open({}, call);
    }
  } catch (error) {
    await sink.fail(from > 0);
    throw error;
  }
  const resumed = opened.status === 206 && from > 0;
  if (!resumed) from = 0;
  const total = opened.totalLength ?? file.size ?? undefined;
  let keep = false;
  try {
    if (!opened.body) throw new DownloadInterruptedError(`the portal answered ${opened.status} without a body`, { byteOffset: from });
    if (maxBytes !== undefined && total !== undefined && total > maxBytes) {
      await opened.body.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(maxBytes);
    }
    const hash = expectedHash ? createNodeHash(expectedHash.algorithm) : undefined;
    if (hash && resumed) await sink.replay(hash);
    await sink.begin(resumed, opened.etag ?? opened.lastModified ?? undefined);
    keep = opened.acceptRanges && (opened.etag !== null || opened.lastModified !== null);
    let bytes = from;
    for await (const chunk of guardBody(opened.body, { start: from, expected: opened.totalLength, maxBytes })) {
      await sink.write(chunk);
      hash?.update(chunk);
      bytes += chunk.length;
      options.onProgress?.({ bytes, total });
    }
    keep = false;
    if (file.size !== null && file.size !== bytes) {
      throw new DownloadIntegrityError(`the file has ${bytes} bytes, the portal declares ${file.size}`, { check: 'size', expected: String(file.size), actual: String(bytes) });
    }
    const digest = hash?.digest('hex');
    if (expectedHash && digest !== undefined && digest !== expectedHash.hex) {
      throw new DownloadIntegrityError(`the file's ${expectedHash.algorithm} is ${digest}, the portal declares ${expectedHash.hex}`, {
        check: 'hash',
        expected: expectedHash.hex,
        actual: digest,
      });
    }
    await sink.commit();
    return {
      resource: { id: file.id, name: file.name, format: file.format },
      bytes,
      resumed,
      etag: opened.etag,
      lastModified: opened.lastModified,
      verified: { size: file.size !== null, hash: digest !== undefined && expectedHash ? `${expectedHash.algorithm}:${digest}` : null },
    };
  } catch (error) {
    // Only a break can be resumed; a bad or refused file is removed.
    await sink.fail(keep && (error instanceof DownloadInterruptedError || (options.signal?.aborted ?? false)));
    throw error;
  }
}
