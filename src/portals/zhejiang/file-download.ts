import { z } from 'zod';
import { ArgumentError, ResponseFormatError } from '../../errors/index.js';
import { ByteCollector } from '../../files/concat-bytes.js';
import { peekBody } from '../../files/peek-body.js';
import type { FileSelection, OpenedFile } from '../portal-adapter.js';
import { parseOpenData } from './open-data-envelope.js';

/** Download formats of the platform (sandbox shape: `jdop_front/download/cata_{id}.{ext}`). */
export const DOWNLOAD_EXTENSIONS = ['csv', 'xlsx', 'json'] as const;

export type DownloadExtension = (typeof DOWNLOAD_EXTENSIONS)[number];

/** The download a `resource` / `format` selection names: `csv`, `xlsx`, `json`, or the file name `cata_{id}.csv`. */
export function downloadExtension(datasetId: string, selection: FileSelection): DownloadExtension {
  const raw = (selection.resource ?? selection.format ?? 'csv').trim().toLowerCase();
  const ext = raw.startsWith(`cata_${datasetId.toLowerCase()}.`) ? raw.slice(datasetId.length + 6) : raw;
  const found = DOWNLOAD_EXTENSIONS.find((item) => item === ext);
  if (!found) throw new ArgumentError(`zhejiang downloads come as ${DOWNLOAD_EXTENSIONS.join(', ')}; got "${selection.resource ?? selection.format}"`);
  return found;
}

const ENVELOPE_BYTES = 64 * 1024;

/**
 * The platform answers a refused download (bad app secret, not approved, too large for Excel)
 * with its section-A failure envelope and HTTP 200 instead of the file: that answer becomes the
 * same typed error as on the interfaces; a file passes through untouched.
 */
export async function refuseEnvelope(file: OpenedFile, datasetId: string): Promise<OpenedFile> {
  if (!file.body || !/json/i.test(file.contentType ?? '')) return file;
  const { head, body } = await peekBody(file.body);
  const start = new TextDecoder().decode(head.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{')) return { ...file, body };
  const bytes = new ByteCollector();
  const reader = body.getReader();
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    bytes.push(next.value);
    if (bytes.length > ENVELOPE_BYTES) {
      await reader.cancel();
      throw new ResponseFormatError('The zhejiang download answered a large JSON object instead of the file');
    }
  }
  const text = new TextDecoder().decode(bytes.join());
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new ResponseFormatError('The zhejiang download answered broken JSON instead of the file', { body: text, cause });
  }
  parseOpenData(parsed, z.unknown(), datasetId);
  throw new ResponseFormatError('The zhejiang download answered an envelope instead of the file', { body: text });
}
