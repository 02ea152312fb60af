import { anyOf, arrayOf, nullable, type ObjectShape, type ValueShape } from './value-shape.js';

// What Socrata sites send, from shared/real-responses/socrata: Discovery API answers of 2018
// (sodapy) and 2025 (socratadata, EU), views of 2013 (platform-ui) and 2025 (Chicago), and
// Chicago's rows with their headers.

/** `2025-08-25T06:32:04.000Z`: Discovery writes instants in UTC with `Z`. */
const instant: ValueShape = { matches: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, what: 'an instant ending in Z' };

const pageViews: ObjectShape = {
  required: {
    page_views_last_week: 'integer',
    page_views_last_month: 'integer',
    page_views_total: 'integer',
    page_views_last_week_log: 'number',
    page_views_last_month_log: 'number',
    page_views_total_log: 'number',
  },
};

/** Column types as display names: `Text`, `Number`, `Calendar date`, `Point`, `Location`. */
const displayType: ValueShape = { matches: /^[A-Z][a-z]*( [a-z]+)*$/, what: 'a capitalised display name' };

const discoveryResource: ObjectShape = {
  required: {
    attribution: nullable('string'),
    columns_datatype: arrayOf(displayType),
    columns_description: arrayOf('string'),
    columns_field_name: arrayOf('string'),
    columns_format: arrayOf({ mapOf: 'any' }),
    columns_name: arrayOf('string'),
    createdAt: instant,
    description: 'string',
    download_count: 'integer',
    id: 'string',
    name: 'string',
    page_views: pageViews,
    // `null` in 2018, `[]` in 2025.
    parent_fxf: nullable(arrayOf('string')),
    provenance: 'string',
    type: 'string',
    updatedAt: instant,
  },
  // Keys that answers of 2025 have and those of 2018 lack.
  optional: {
    attribution_link: nullable('string'),
    blob_mime_type: nullable('string'),
    contact_email: nullable('string'),
    data_updated_at: instant,
    hide_from_data_json: 'boolean',
    lens_display_type: 'string',
    lens_view_type: 'string',
    locked: 'boolean',
    metadata_updated_at: instant,
    publication_date: instant,
    resource_name: nullable('string'),
  },
};

/** Accounts of people are `interactive` in every recorded answer. */
const accountType: ValueShape = { matches: /^interactive$/, what: '"interactive"' };

const account: ObjectShape = { required: { id: 'string', display_name: 'string' }, optional: { user_type: accountType } };

export const discoveryHit: ObjectShape = {
  required: {
    classification: {
      required: {
        categories: arrayOf('string'),
        // Text, but a list in answers of 2016 (README, other real answers).
        domain_category: anyOf('string', arrayOf('string')),
        domain_metadata: arrayOf({ required: { key: 'string', value: 'string' } }),
        domain_tags: arrayOf('string'),
        tags: arrayOf('string'),
      },
    },
    link: 'string',
    metadata: {
      required: { domain: 'string' },
      // `license` is missing from most answers of 2018. `is_public` is not in the recorded
      // (anonymous) answers: the Discovery API states it to callers with rights, as the sandbox does.
      optional: { license: 'string', is_public: 'boolean' },
    },
    owner: account,
    permalink: 'string',
    resource: discoveryResource,
  },
  optional: { creator: account },
};

export const discoveryAnswer: ObjectShape = {
  required: {
    results: arrayOf(discoveryHit),
    resultSetSize: 'integer',
    timings: { required: { serviceMillis: 'integer', searchMillis: arrayOf('integer') } },
  },
  optional: { warnings: arrayOf('any') },
};

const viewColumn: ObjectShape = {
  required: {
    dataTypeName: { matches: /^[a-z_]+$/, what: 'a type name in lower case' },
    fieldName: 'string',
    format: { mapOf: 'any' },
    id: 'integer',
    name: 'string',
    position: 'integer',
    renderTypeName: 'string',
    tableColumnId: 'integer',
  },
  // A column nobody described has no `description` key (platformui-views-vedg-c5sb.json, its first column).
  optional: { description: 'non-empty-string', width: 'integer', cachedContents: { mapOf: 'any' } },
};

const viewAccount: ObjectShape = {
  required: { id: 'string', displayName: 'string', screenName: 'string' },
  optional: { type: accountType, flags: arrayOf('string') },
  // Profile images, e-mail and privacy settings come and go.
  open: true,
};

export const view: ObjectShape = {
  required: {
    averageRating: 'number',
    columns: arrayOf(viewColumn),
    createdAt: 'integer',
    displayType: 'string',
    downloadCount: 'integer',
    flags: arrayOf('string'),
    grants: arrayOf({ required: { inherited: 'boolean', type: 'string' }, optional: { flags: arrayOf('string'), userId: 'string', userEmail: 'string' } }),
    id: 'string',
    metadata: {
      required: { availableDisplayTypes: arrayOf('string'), rdfSubject: 'string', rowIdentifier: 'string' },
      // Sites keep their own metadata here (custom fields, attachments, facets).
      open: true,
      optional: { custom_fields: { mapOf: { mapOf: 'string' } } },
    },
    name: 'string',
    numberOfComments: 'integer',
    oid: 'integer',
    owner: viewAccount,
    publicationAppendEnabled: 'boolean',
    publicationDate: 'integer',
    publicationGroup: 'integer',
    publicationStage: 'string',
    query: { mapOf: 'any' },
    rights: arrayOf('string'),
    rowClass: 'string',
    rowsUpdatedAt: 'integer',
    tableAuthor: viewAccount,
    tableId: 'integer',
    tags: arrayOf('string'),
    totalTimesRated: 'integer',
    viewCount: 'integer',
    viewLastModified: 'integer',
    viewType: 'string',
  },
  optional: {
    approvals: arrayOf({ mapOf: 'any' }),
    assetType: 'string',
    attribution: 'string',
    attributionLink: 'string',
    category: 'string',
    clientContext: { mapOf: 'any' },
    description: 'string',
    diciBackend: 'boolean',
    hideFromCatalog: 'boolean',
    hideFromDataJson: 'boolean',
    indexUpdatedAt: 'integer',
    // A licensed view names its license; the recorded views have none.
    license: { required: { name: 'string' }, optional: { termsLink: 'string', logoUrl: 'string' } },
    licenseId: 'string',
    locked: 'boolean',
    newBackend: 'boolean',
    privateMetadata: { mapOf: 'any' },
    provenance: 'string',
    ratings: { mapOf: 'any' },
    rowsUpdatedBy: 'string',
    signed: 'boolean',
    sortBys: arrayOf({ mapOf: 'any' }),
    state: 'string',
  },
};

/**
 * A SODA row: cells as text (numbers too) or flags, geo cells as objects; a null cell is left out
 * rather than sent as `null`.
 */
export const sodaRows: ValueShape = arrayOf({ mapOf: anyOf('string', 'boolean', { mapOf: 'any' }) });

/** The types SODA 2.1 writes in `X-SODA2-Types`: transport types, not the views' names. */
const SODA_TYPES = new Set([
  'text',
  'number',
  'checkbox',
  'fixed_timestamp',
  'floating_timestamp',
  'point',
  'multipoint',
  'line',
  'multiline',
  'polygon',
  'multipolygon',
  'location',
  'url',
  'row_identifier',
  'row_version',
  'blob',
  'photo',
  'document',
]);

/**
 * Habits of a rows answer beyond its body: `X-SODA2-Fields` and `X-SODA2-Types` are JSON arrays
 * of one length, the types are SODA's own names, and each row holds only declared fields.
 */
export function sodaRowHabits(rows: Record<string, unknown>[], headers: Headers): string[] {
  const fields = JSON.parse(headers.get('x-soda2-fields') ?? 'null') as unknown;
  const types = JSON.parse(headers.get('x-soda2-types') ?? 'null') as unknown;
  if (!Array.isArray(fields) || !Array.isArray(types) || fields.length !== types.length) return ['X-SODA2-Fields / X-SODA2-Types: missing or of different lengths'];
  const differences = types.filter((type) => !SODA_TYPES.has(type as string)).map((type) => `X-SODA2-Types: "${String(type)}" is no SODA type`);
  const declared = new Set(fields as string[]);
  rows.forEach((row, index) => {
    for (const key of Object.keys(row)) if (!declared.has(key)) differences.push(`[${index}].${key}: not in X-SODA2-Fields`);
  });
  if (!headers.get('etag') && !headers.get('last-modified')) differences.push('neither ETag nor Last-Modified');
  return differences;
}
