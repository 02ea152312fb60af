import { anyOf, arrayOf, nullable, type ObjectShape, type ValueShape } from './value-shape.js';

// What CKAN sites send, from shared/real-responses/ckan: demo.ckan.org's package_search and
// package_show (2017), data.gov.sg's and data.vic.gov.au's datastore_search.

/** `2017-08-05T03:16:52.857800`: UTC without a zone (every timestamp of the recorded answers). */
const naiveTimestamp: ValueShape = { matches: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/, what: 'a timestamp without zone' };

const tag: ObjectShape = {
  required: { display_name: 'string', id: 'string', name: 'string', state: 'string', vocabulary_id: nullable('string') },
};

// The recorded packages belong to no group; the keys are those of CKAN's own group dict in a package.
const group: ObjectShape = {
  required: { description: 'string', display_name: 'string', id: 'string', image_display_url: 'string', name: 'string', title: 'string' },
};

const organization: ObjectShape = {
  required: {
    approval_status: 'string',
    created: naiveTimestamp,
    description: 'string',
    id: 'string',
    image_url: 'string',
    is_organization: 'boolean',
    name: 'string',
    state: 'string',
    title: 'string',
    type: 'string',
  },
  // CKAN ≤ 2.8.
  optional: { revision_id: 'string' },
};

export const ckanResource: ObjectShape = {
  required: {
    cache_last_updated: nullable('string'),
    cache_url: nullable('string'),
    created: naiveTimestamp,
    datastore_active: 'boolean',
    description: nullable('string'),
    format: 'string',
    hash: 'string',
    id: 'string',
    last_modified: nullable(naiveTimestamp),
    mimetype: nullable('string'),
    mimetype_inner: nullable('string'),
    name: nullable('string'),
    package_id: 'string',
    position: 'integer',
    resource_type: nullable('string'),
    // Mostly null; an integer where measured, and text on some catalogues (README, other real answers).
    size: anyOf('integer', 'numeric-string', 'null'),
    state: 'string',
    url: 'string',
    url_type: nullable('string'),
  },
  // `revision_id` until CKAN 2.8; `metadata_modified` from 2.9.
  optional: { revision_id: 'string', metadata_modified: nullable(naiveTimestamp) },
};

export const ckanPackage: ObjectShape = {
  required: {
    author: nullable('string'),
    author_email: nullable('string'),
    creator_user_id: 'string',
    extras: arrayOf({ required: { key: 'string', value: 'string' } }),
    groups: arrayOf(group),
    id: 'string',
    isopen: 'boolean',
    license_id: nullable('string'),
    license_title: nullable('string'),
    maintainer: nullable('string'),
    maintainer_email: nullable('string'),
    metadata_created: naiveTimestamp,
    metadata_modified: naiveTimestamp,
    name: 'string',
    notes: nullable('string'),
    num_resources: 'integer',
    num_tags: 'integer',
    organization: nullable(organization),
    owner_org: nullable('string'),
    private: 'boolean',
    relationships_as_object: arrayOf('any'),
    relationships_as_subject: arrayOf('any'),
    resources: arrayOf(ckanResource),
    state: 'string',
    tags: arrayOf(tag),
    title: 'string',
    type: 'string',
    url: nullable('string'),
    version: nullable('string'),
  },
  optional: {
    // Present only when the license has a URL: the "other-open" package of the demo has no key at all.
    license_url: 'non-empty-string',
    revision_id: 'string',
  },
};

const facetItems: ObjectShape = {
  required: { items: arrayOf({ required: { count: 'integer', display_name: 'string', name: 'string' } }), title: 'string' },
};

export const packageSearchResult: ObjectShape = {
  required: {
    count: 'integer',
    facets: { mapOf: { mapOf: 'integer' } },
    results: arrayOf(ckanPackage),
    search_facets: { mapOf: facetItems },
    sort: 'string',
  },
};

const datastoreField: ObjectShape = { required: { id: 'string', type: 'string' }, optional: { info: { mapOf: 'any' } } };

/** A cell: a number, text (DataStores send `numeric` as text), a flag or `null` — never an object. */
const datastoreCell: ValueShape = anyOf('string', 'number', 'boolean', 'null');

export const datastoreSearchResult: ObjectShape = {
  required: {
    _links: { required: { start: 'string' }, optional: { next: 'string' } },
    fields: arrayOf(datastoreField),
    records: arrayOf({ mapOf: datastoreCell }),
    resource_id: 'string',
  },
  optional: {
    // Not on data.vic.gov.au's answer.
    limit: 'integer',
    offset: 'integer',
    total: 'integer',
    include_total: 'boolean',
    records_format: 'string',
    q: 'string',
    filters: { mapOf: 'any' },
    sort: 'string',
    // CKAN 2.9 and later.
    total_was_estimated: 'boolean',
    total_estimation_threshold: nullable('integer'),
  },
};

/** An action answer: `{help, success, result}`. */
export function actionAnswer(result: ValueShape): ObjectShape {
  return { required: { help: 'string', success: 'boolean', result } };
}

const NUMERIC = new Set(['int', 'int2', 'int4', 'int8', 'numeric', 'float4', 'float8']);

/**
 * Habits of a `datastore_search` page beyond key types: every record holds every declared field
 * (a null cell is `null`, never omitted), `_id` is a whole number, a numeric field holds numbers
 * or numbers as text, and the only undeclared key is the `rank` of a full-text search.
 */
export function datastoreHabits(result: { fields: { id: string; type: string }[]; records: Record<string, unknown>[]; q?: string }): string[] {
  const differences: string[] = [];
  const declared = new Set(result.fields.map((field) => field.id));
  result.records.forEach((record, index) => {
    for (const field of result.fields) {
      if (!(field.id in record)) differences.push(`records[${index}].${field.id}: omitted (CKAN sends every field, null when empty)`);
      const value = record[field.id];
      if (NUMERIC.has(field.type) && value !== null && value !== undefined && !(typeof value === 'number' || (typeof value === 'string' && Number.isFinite(Number(value))))) {
        differences.push(`records[${index}].${field.id}: ${field.type} field holds ${JSON.stringify(value)}`);
      }
    }
    if (!Number.isInteger(record['_id'])) differences.push(`records[${index}]._id: not a whole number`);
    for (const key of Object.keys(record)) {
      if (!declared.has(key) && !(key === 'rank' && result.q !== undefined)) differences.push(`records[${index}].${key}: not among the declared fields`);
    }
  });
  return differences;
}
