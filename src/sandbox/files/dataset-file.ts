import { textFileChunks, workbookBytes } from './file-chunks.js';
import { measureFile, type FileMeasure } from './file-measure.js';
import type { FileTable } from './file-table.js';
import { contentTypes, extensionOf, XLSX_MAX_ROWS, type ServedFileFormat } from './served-file-format.js';
import type { ServedFile } from './serve-file.js';

/** A dataset's file as one flavor serves it. */
export interface DatasetFileSource {
  /** The sandbox object the file belongs to (its dataset state): measurements and workbooks are cached per owner. */
  readonly owner: object;
  /** The dataset id (file name and ETag). */
  readonly id: string;
  /** When the data last changed: the file's `Last-Modified` and part of its ETag. */
  readonly updatedAt: Date;
  readonly table: FileTable;
}

/** Files up to this many rows are measured (length, MD5) up front, so they carry `Content-Length`. */
export const MEASURED_MAX_ROWS = 50_000;

interface FileCache {
  readonly measures: Map<string, FileMeasure>;
  /** Built workbooks by ETag: SheetJS stamps the build time, so a rebuilt workbook would differ byte for byte and break ranges. */
  readonly workbooks: Map<string, Uint8Array>;
}

// Keyed by each sandbox's own dataset state, so two sandboxes never share an entry.
const caches = new WeakMap<object, FileCache>();

function fileCache(owner: object): FileCache {
  let cache = caches.get(owner);
  if (!cache) {
    cache = { measures: new Map(), workbooks: new Map() };
    caches.set(owner, cache);
  }
  return cache;
}

function fnv(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** The strong ETag of a dataset file: it changes with the data's update time and row count. */
export function fileEtag(source: DatasetFileSource, format: ServedFileFormat): string {
  return `"${fnv(source.id)}-${format}-${source.updatedAt.getTime().toString(36)}-${source.table.count.toString(36)}"`;
}

/**
 * Length and MD5 of a text file, when it is small enough to measure cheaply (computed once per
 * version); `undefined` otherwise, and for XLSX until it has been built.
 */
export function fileFacts(source: DatasetFileSource, format: ServedFileFormat): FileMeasure | undefined {
  const cache = fileCache(source.owner);
  const etag = fileEtag(source, format);
  if (format === 'xlsx') return cache.measures.get(etag);
  if (source.table.count > MEASURED_MAX_ROWS) return cache.measures.get(etag);
  return measureFile(cache.measures, etag, () => textFileChunks(source.table, format));
}

/**
 * The dataset's file in `format`, ready for `serveFile`; `'too-large'` for an XLSX of more than
 * `XLSX_MAX_ROWS` rows. `contentType` overrides the format's usual one (e.g. a GBK CSV sent
 * without a charset, as many portals send it).
 */
export async function datasetFile(source: DatasetFileSource, format: ServedFileFormat, contentType = contentTypes[format]): Promise<ServedFile | 'too-large'> {
  const cache = fileCache(source.owner);
  const etag = fileEtag(source, format);
  const common = { etag, lastModified: source.updatedAt, contentType, filename: `${source.id}.${extensionOf(format)}` };
  if (format === 'xlsx') {
    if (source.table.count > XLSX_MAX_ROWS) return 'too-large';
    let bytes = cache.workbooks.get(etag);
    if (!bytes) {
      bytes = await workbookBytes(source.table, source.id);
      if (cache.workbooks.size >= 8) cache.workbooks.clear();
      cache.workbooks.set(etag, bytes);
      const workbook = bytes;
      measureFile(cache.measures, etag, () => [workbook]);
    }
    const workbook = bytes;
    return { ...common, length: workbook.length, chunks: () => [workbook], measure: () => workbook.length };
  }
  const chunks = () => textFileChunks(source.table, format);
  const facts = fileFacts(source, format);
  return { ...common, length: facts?.length, chunks, measure: () => measureFile(cache.measures, etag, chunks).length };
}
