import { anyOf, arrayOf, nullable, type ObjectShape, type ValueShape } from './value-shape.js';

// What Explore v2.1 sends, from the vendor's own examples in shared/real-responses/opendatasoft
// (catalogue and records) and the grouped answer noted in its README.

/** `2021-06-23T14:59:57+00:00`: Explore's datetimes carry their zone. */
const zoned: ValueShape = { matches: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/, what: 'a datetime with its zone' };

/**
 * `metas.default`: every key of the template is sent, `null` where nobody filled it in (the
 * second example has `keyword`, `theme`, `description`, `publisher`, `license` all `null`).
 */
const defaultMetas: ObjectShape = {
  required: {
    attributions: nullable(anyOf('string', arrayOf('string'))),
    data_processed: nullable(zoned),
    description: nullable('string'),
    federated: 'boolean',
    geographic_area: nullable('any'),
    geographic_area_mode: nullable('string'),
    geographic_reference: nullable(arrayOf('string')),
    geographic_reference_auto: 'boolean',
    keyword: nullable(arrayOf('string')),
    language: nullable('string'),
    license: nullable('string'),
    license_url: nullable('string'),
    metadata_languages: nullable(arrayOf('string')),
    metadata_processed: nullable(zoned),
    modified: nullable(zoned),
    modified_updates_on_data_change: 'boolean',
    modified_updates_on_metadata_change: 'boolean',
    oauth_scope: nullable('string'),
    parent_domain: nullable('string'),
    publisher: nullable('string'),
    records_count: nullable('integer'),
    references: nullable('string'),
    shared_catalog: nullable('string'),
    source_dataset: nullable('string'),
    source_domain: nullable('string'),
    source_domain_address: nullable('string'),
    source_domain_title: nullable('string'),
    territory: nullable(arrayOf('string')),
    theme: nullable(arrayOf('string')),
    timezone: nullable('string'),
    title: 'string',
  },
  // A portal's own metas (a Zhejiang-rules portal states `open_class` here).
  open: true,
};

const field: ObjectShape = {
  required: { annotations: { mapOf: 'any' }, description: nullable('string'), label: 'string', name: 'string', type: 'string' },
};

export const catalogEntry: ObjectShape = {
  required: {
    attachments: arrayOf({ required: { id: 'string', mimetype: 'string', title: 'string', url: 'string' } }),
    data_visible: 'boolean',
    dataset_id: 'string',
    dataset_uid: { matches: /^da_[a-z0-9]+$/, what: 'a dataset uid (da_…)' },
    features: arrayOf('string'),
    fields: arrayOf(field),
    has_records: 'boolean',
    metas: {
      required: { default: defaultMetas },
      // Other templates (`dcat`, `inspire`, a portal's own) sit beside `default`, text or null.
      optional: { dcat: { mapOf: nullable(anyOf('string', arrayOf('string'))) } },
      open: true,
    },
  },
  // Sent by Explore v2.1 beside the keys of the vendor's trimmed examples.
  optional: { visibility: { matches: /^(domain|restricted)$/, what: 'domain or restricted' }, alternative_exports: arrayOf('any') },
};

export const catalogAnswer: ObjectShape = { required: { total_count: 'integer', results: arrayOf(catalogEntry) } };

/** A records answer: typed cells (numbers are numbers, geo points objects, lists), `null` present. */
export const recordsAnswer: ObjectShape = { required: { total_count: 'integer', results: arrayOf({ mapOf: 'any' }) } };

/** A grouped answer: `results` only, no `total_count`. */
export const groupsAnswer: ObjectShape = { required: { results: arrayOf({ mapOf: 'any' }) } };

/**
 * Habits of a records page beyond key types: every row has the same keys (a null cell is `null`,
 * never omitted), and a number column holds numbers, never numbers as text.
 */
export function recordHabits(rows: Record<string, unknown>[], numericColumns: readonly string[]): string[] {
  const differences: string[] = [];
  const keys = JSON.stringify(Object.keys(rows[0] ?? {}).sort());
  rows.forEach((row, index) => {
    if (JSON.stringify(Object.keys(row).sort()) !== keys) differences.push(`results[${index}]: keys differ from the first row's (cells omitted?)`);
    for (const column of numericColumns) {
      const value = row[column];
      if (value !== null && value !== undefined && typeof value !== 'number') differences.push(`results[${index}].${column}: a number column holds ${JSON.stringify(value)}`);
    }
  });
  return differences;
}
