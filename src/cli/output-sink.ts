import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CliIo } from './cli-io.js';

/** Where bulk output goes: written with backpressure, then kept (`commit`) or dropped (`abandon`). */
export interface OutputSink {
  write(text: string): Promise<void>;
  /** Everything written is final: flushed to stdout, or the temp file renamed to its name. */
  commit(): Promise<void>;
  /** The run did not finish: stdout keeps what was written; a file's temp file is removed. */
  abandon(): Promise<void>;
}

async function writeTo(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream as NodeJS.EventEmitter, 'drain');
}

/** stdout, through the raw stream where there is one so a slow reader holds the download back. */
export function stdoutSink(io: CliIo): OutputSink {
  const stream = io.stdout;
  if (!stream) {
    return {
      async write(text) {
        for (const line of text.replace(/\n$/, '').split('\n')) io.out(line);
      },
      async commit() {},
      async abandon() {},
    };
  }
  return { write: (text) => writeTo(stream, text), async commit() {}, async abandon() {} };
}

/**
 * A file written as `.<name>.<pid>.part` next to `path` and renamed to `path` on commit, so an
 * interrupted or failed run never leaves a half file under the final name (nor replaces an older
 * complete one).
 */
export async function fileSink(path: string): Promise<OutputSink> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  await Promise.race([once(stream, 'open'), once(stream, 'error').then(([error]) => Promise.reject(error as Error))]);
  let failure: Error | undefined;
  stream.on('error', (error) => (failure = error));
  const close = async () => {
    if (stream.closed) return;
    stream.end();
    await once(stream, 'close');
  };
  return {
    async write(text) {
      if (failure) throw failure;
      await writeTo(stream, text);
    },
    async commit() {
      await close();
      if (failure) throw failure;
      await rename(temp, path);
    },
    async abandon() {
      await close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}
