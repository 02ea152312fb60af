import type { DatasetState } from '../../dataset-state.js';
import { fileFacts, XLSX_MAX_ROWS, type ServedFileFormat } from '../../files/index.js';
import { ckanFileSource } from './ckan-file-table.js';
import { deterministicUuid } from './deterministic-uuid.js';
import { dayToNaiveUtc, toNaiveUtc } from './naive-utc.js';

/** Datasets that also publish plain files (no DataStore) besides their DataStore resource. */
const FILE_DATASETS = new Set(['nb-business-licenses', 'nb-food-licenses', 'zj-medical-practitioners', 'hz-parking-lots']);

/** A file-only resource of a dataset. */
export interface FileResource {
  readonly id: string;
  readonly format: Exclude<ServedFileFormat, 'csv'>;
  /** File name in the download URL. */
  readonly filename: string;
}

const KINDS: readonly { format: FileResource['format']; suffix: string; label: string; declared: string; mimetype: string }[] = [
  { format: 'csv-gbk', suffix: '-gbk.csv', label: 'CSV（GBK 编码）', declared: 'CSV', mimetype: 'text/csv' },
  { format: 'json', suffix: '.json', label: 'JSON', declared: 'JSON', mimetype: 'application/json' },
  { format: 'xlsx', suffix: '.xlsx', label: 'Excel', declared: 'XLSX', mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
];

/**
 * The file-only resources of a dataset: a GBK CSV, a JSON array and (up to `XLSX_MAX_ROWS`
 * rows) an XLSX workbook, for the four core datasets.
 */
export function fileResources(state: DatasetState, seed: number): FileResource[] {
  if (!FILE_DATASETS.has(state.id)) return [];
  return KINDS.filter((kind) => kind.format !== 'xlsx' || state.count <= XLSX_MAX_ROWS).map((kind) => ({
    id: deterministicUuid(seed, `resource:${state.id}:${kind.format}`),
    format: kind.format,
    filename: `${state.id}${kind.suffix}`,
  }));
}

/**
 * Resource dicts of the file-only resources. `size` and `hash` (bare MD5 hex) are filled where
 * the file is small enough to measure, as CKAN's uploader fills them.
 */
export function fileResourceDicts(state: DatasetState, seed: number, origin: string, packageUuid: string): Record<string, unknown>[] {
  const definition = state.definition;
  const modified = toNaiveUtc(state.updatedAt);
  return fileResources(state, seed).map((resource, index) => {
    const kind = KINDS.find((item) => item.format === resource.format) as (typeof KINDS)[number];
    const facts = fileFacts(ckanFileSource(state), resource.format);
    return {
      cache_last_updated: null,
      cache_url: null,
      created: dayToNaiveUtc(definition.releasedOn),
      datastore_active: false,
      description: `${definition.title}（${kind.label}）`,
      format: kind.declared,
      hash: facts?.md5 ?? '',
      id: resource.id,
      last_modified: modified,
      metadata_modified: modified,
      mimetype: kind.mimetype,
      mimetype_inner: null,
      name: `${definition.title}（${kind.label}）`,
      package_id: packageUuid,
      position: index + 1,
      resource_type: null,
      size: facts?.length ?? null,
      state: 'active',
      url: `${origin}/dataset/${definition.id}/resource/${resource.id}/download/${resource.filename}`,
      url_type: 'upload',
    };
  });
}
