/** The file formats whose rows kaifang reads as records. `xlsx` covers legacy `.xls` too. */
export type FileFormat = 'csv' | 'json' | 'jsonl' | 'xlsx';

/** What is known about a file when choosing its reader. */
export interface FileFormatHints {
  /** The caller's choice; wins over everything else. */
  readonly format?: FileFormat | undefined;
  /** The format the portal declares for the resource, e.g. CKAN's `format: 'CSV'`. */
  readonly resourceFormat?: string | null | undefined;
  /** The response's `Content-Type`. */
  readonly contentType?: string | null | undefined;
  /** The file's URL or name; its extension is the last resort. */
  readonly url?: string | undefined;
}

const BY_NAME: Readonly<Record<string, FileFormat>> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  json: 'json',
  geojson: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  'json lines': 'jsonl',
  jsonlines: 'jsonl',
  xlsx: 'xlsx',
  xls: 'xlsx',
  excel: 'xlsx',
  'ms excel': 'xlsx',
};

// Deliberately absent: application/vnd.ms-excel, which servers also send for plain CSV.
const BY_MEDIA_TYPE: Readonly<Record<string, FileFormat>> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const byName = (name: string | null | undefined): FileFormat | undefined => {
  const key = (name ?? '').trim().toLowerCase().replace(/^\./, '');
  return BY_NAME[key] ?? BY_MEDIA_TYPE[key];
};

/**
 * Chooses a file's reader from, in order: the `format` option, the portal's declared resource
 * format (`CSV`, `XLSX`, `JSON`, a media type…), the `Content-Type`, the URL's extension.
 * `undefined` when none of them tells.
 *
 * @example
 * ```ts
 * chooseFileFormat({ resourceFormat: 'CSV' });                   // 'csv'
 * chooseFileFormat({ url: 'https://x.test/files/licenses.xlsx' }); // 'xlsx'
 * ```
 */
export function chooseFileFormat(hints: FileFormatHints): FileFormat | undefined {
  if (hints.format) return hints.format;
  const declared = byName(hints.resourceFormat);
  if (declared) return declared;
  const mediaType = (hints.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const fromType = BY_MEDIA_TYPE[mediaType];
  if (fromType) return fromType;
  if (!hints.url) return undefined;
  let path = hints.url;
  try {
    path = new URL(hints.url).pathname;
  } catch {
    path = hints.url.split(/[?#]/)[0] ?? '';
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1];
  return extension ? byName(extension) : undefined;
}
