import type { Dataset, OpenClass } from '../../model/dataset.js';
import { openClassFromMetadata, openClassFromTags } from '../../compliance/open-class-label.js';
import { RAW } from '../lenient-metadata.js';
import type { CatalogEntry } from './ods-envelope.js';
import { parseOdsDate } from './ods-date.js';

export { parseOdsDate };

/**
 * A custom meta (`open_class`) or a `禁止开放`-style keyword states the class where a portal follows
 * the Zhejiang rules; otherwise `visibility: restricted` needs an API key and `domain` is open.
 */
function openClassOf(entry: CatalogEntry): OpenClass {
  const metas = entry.metas.default;
  const stated = openClassFromMetadata(Object.entries(metas)) ?? openClassFromTags(metas.keyword);
  if (stated) return stated;
  const visibility = entry.visibility;
  if (visibility === 'restricted') return 'restricted';
  if (visibility === 'domain') return 'unconditional';
  return 'unknown';
}

/** A catalogue entry in the unified model; `metas.default` carries the descriptive fields, `metas.dcat` the frequency and creation date. */
export function toDataset(entry: CatalogEntry, apiBase: string, baseUrl: string): Dataset {
  const metas = entry.metas.default;
  const dcat = entry.metas.dcat;
  const id = entry.dataset_id;
  const exportBase = `${apiBase}/catalog/datasets/${encodeURIComponent(id)}/exports`;
  const updatedAt = parseOdsDate(metas.modified) ?? parseOdsDate(metas.data_processed);
  const hasRecords = entry.has_records !== false;
  const updateFrequency = dcat?.accrualperiodicity ?? metas.update_frequency;
  return {
    id,
    name: id,
    title: metas.title ?? id,
    description: metas.description ?? '',
    publisher: metas.publisher === undefined ? null : { id: null, name: metas.publisher },
    themes: metas.theme,
    tags: metas.keyword,
    openClass: openClassOf(entry),
    license: { id: metas.license ?? null, title: metas.license ?? null, url: metas.license_url ?? null },
    formats: hasRecords ? ['JSONL', 'CSV'] : [],
    fields: entry.fields.map((field) => ({ name: field.name, label: field.label ?? null, type: field.type ?? null })),
    createdAt: parseOdsDate(dcat?.created) ?? parseOdsDate(dcat?.issued) ?? parseOdsDate(metas.created),
    updatedAt,
    ...(updateFrequency === undefined ? {} : { updateFrequency }),
    ...(metas.records_count === undefined ? {} : { recordCount: metas.records_count }),
    resources: hasRecords
      ? (['jsonl', 'csv'] as const).map((format) => ({
          id: `${id}/${format}`,
          name: `${id}.${format}`,
          format: format.toUpperCase(),
          url: `${exportBase}/${format}`,
          queryable: format === 'jsonl',
          size: null,
          hash: null,
          updatedAt: parseOdsDate(metas.data_processed) ?? updatedAt,
        }))
      : [],
    portal: { family: 'opendatasoft', baseUrl },
    raw: entry[RAW],
  };
}
