import type { DatasetState } from '../../dataset-state.js';
import { odsFields, withZone } from './ods-record.js';

/** Whether a dataset needs the API key: anything not opened unconditionally. */
export function isRestricted(state: DatasetState): boolean {
  return state.definition.openClass !== 'unconditional';
}

/**
 * The keys of Explore's `metas.default` template that the sandbox has nothing to say about: a real
 * portal sends every key of the template, `null` (or its default) where nobody filled it in.
 */
const UNSTATED_DEFAULT_METAS: Readonly<Record<string, unknown>> = {
  source_domain_address: null,
  references: null,
  source_domain_title: null,
  geographic_reference: null,
  timezone: null,
  parent_domain: null,
  modified_updates_on_data_change: false,
  modified_updates_on_metadata_change: false,
  shared_catalog: null,
  source_domain: null,
  attributions: null,
  geographic_area_mode: null,
  geographic_reference_auto: false,
  geographic_area: null,
  source_dataset: null,
  metadata_languages: ['zh'],
  oauth_scope: null,
  federated: false,
};

/** `metas.default` of a dataset, also what the catalogue's `where`, `refine` and `order_by` read. */
export function defaultMetas(state: DatasetState): Record<string, unknown> {
  const definition = state.definition;
  const modified = withZone(state.updatedAt.toISOString());
  const restricted = isRestricted(state);
  return {
    title: definition.title,
    description: definition.description,
    publisher: definition.publisher,
    theme: [definition.theme],
    keyword: [...definition.tags],
    license: restricted ? 'Restricted use' : 'CC BY 4.0',
    license_url: restricted ? null : 'https://creativecommons.org/licenses/by/4.0/',
    language: 'zh',
    territory: [definition.region],
    modified,
    data_processed: modified,
    metadata_processed: modified,
    records_count: state.count,
    ...UNSTATED_DEFAULT_METAS,
    // A custom meta of portals that follow the Zhejiang rules: the class of forbidden data.
    ...(definition.openClass === 'forbidden' ? { open_class: 'forbidden' } : {}),
  };
}

/** The keys of `metas.default` the catalogue's `select`, `where` and `order_by` know. */
export const DEFAULT_METAS_FIELDS: readonly string[] = [
  'title',
  'description',
  'publisher',
  'theme',
  'keyword',
  'license',
  'license_url',
  'language',
  'territory',
  'modified',
  'data_processed',
  'metadata_processed',
  'records_count',
  ...Object.keys(UNSTATED_DEFAULT_METAS),
];

/** `metas.dcat`: Explore keeps the update frequency and the creation date in the DCAT template, not in `default`. */
export function dcatMetas(state: DatasetState): Record<string, unknown> {
  return { created: `${state.definition.releasedOn}T00:00:00+00:00`, accrualperiodicity: state.definition.updateFrequency };
}

/** A catalogue entry of Explore v2.1: `dataset_id`, `dataset_uid`, `fields`, `metas.default` and `metas.dcat`. */
export function catalogEntry(state: DatasetState, seed: number, metas: Record<string, unknown> = defaultMetas(state)): Record<string, unknown> {
  return {
    visibility: isRestricted(state) ? 'restricted' : 'domain',
    dataset_id: state.id,
    dataset_uid: datasetUid(seed, state.id),
    has_records: state.count > 0,
    data_visible: true,
    features: ['analyze'],
    attachments: [],
    alternative_exports: [],
    fields: odsFields(state.definition),
    metas: { default: metas, dcat: dcatMetas(state) },
  };
}

/** `da_` and six base-36 characters, stable for (seed, id), as Explore's dataset uids look. */
function datasetUid(seed: number, id: string): string {
  let h = 2166136261 ^ seed;
  for (const char of id) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  return `da_${(h >>> 0).toString(36).padStart(6, '0').slice(-6)}`;
}
