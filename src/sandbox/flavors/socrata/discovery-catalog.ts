import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import { createdAt, discoveryType, licenseOf, permalink } from './dataset-metadata.js';
import { isPublic } from './dataset-lookup.js';
import { sodaColumns } from './soda-columns.js';
import { jsonResponse, SocrataError } from './socrata-error.js';

/** The Discovery API answers at most this far: `offset + limit` past it needs `scroll_id`. */
export const DISCOVERY_MAX_WINDOW = 10_000;
const DEFAULT_LIMIT = 100;

const KNOWN = new Set(['domains', 'search_context', 'q', 'only', 'categories', 'tags', 'limit', 'offset', 'scroll_id', 'ids', 'order']);

/**
 * `GET /api/catalog/v1`: the Discovery API. `domains` is required (the sandbox's domain is the
 * request's host name). Results are ordered by dataset id, so that pages stay stable and
 * `scroll_id` (the last id seen) continues exactly after it. Private datasets show only to
 * requests with the app token.
 */
export function discoveryCatalog(url: URL, context: SandboxContext, authorized: boolean): Response {
  const params = url.searchParams;
  for (const name of params.keys()) {
    if (!KNOWN.has(name)) throw new SocrataError(400, 'invalid_params', `Unrecognized parameter ${name}`, { parameter: name });
  }
  const domains = (params.get('domains') ?? '').split(',').map((domain) => domain.trim().toLowerCase()).filter(Boolean);
  if (domains.length === 0) throw new SocrataError(400, 'invalid_params', 'The domains parameter is required', { parameter: 'domains' });
  const limit = whole(params, 'limit', DEFAULT_LIMIT);
  const offset = whole(params, 'offset', 0);
  if (offset + limit > DISCOVERY_MAX_WINDOW) {
    throw new SocrataError(400, 'query_window_too_large', `offset + limit must be at most ${DISCOVERY_MAX_WINDOW}; use scroll_id to page further`, { offset, limit });
  }
  const scrollId = params.get('scroll_id');
  const only = params.get('only');
  const words = (params.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const categories = params.getAll('categories').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  const tags = params.getAll('tags').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  const ids = params.getAll('ids').flatMap((value) => value.split(',')).filter(Boolean);
  const onDomain = domains.includes(url.hostname.toLowerCase());

  const matching = [...context.datasets.values()]
    .filter((state) => onDomain && (isPublic(state) || authorized))
    .filter((state) => only === null || only === 'dataset' || only === 'datasets')
    .filter((state) => categories.length === 0 || categories.includes(state.definition.theme))
    .filter((state) => tags.length === 0 || tags.some((tag) => state.definition.tags.includes(tag)))
    .filter((state) => ids.length === 0 || ids.includes(state.id))
    .filter((state) => words.every((word) => searchText(state).includes(word)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const after = scrollId === null ? matching : matching.filter((state) => state.id > scrollId);
  const page = after.slice(offset, offset + limit);
  return jsonResponse(200, {
    results: page.map((state) => result(state, context.seed, url.origin, url.hostname)),
    resultSetSize: matching.length,
    timings: { serviceMillis: 1, searchMillis: [1, 1] },
  });
}

function whole(params: URLSearchParams, name: string, fallback: number): number {
  const value = params.get(name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new SocrataError(400, 'invalid_params', `${name} must be a non-negative whole number, got '${value}'`, { parameter: name });
  return Number(value.trim());
}

function searchText(state: DatasetState): string {
  const d = state.definition;
  return [d.title, d.description, d.publisher, d.theme, ...d.tags].join('\n').toLowerCase();
}

function result(state: DatasetState, seed: number, origin: string, domain: string): Record<string, unknown> {
  const definition = state.definition;
  const columns = sodaColumns(definition);
  const updated = state.updatedAt.toISOString();
  return {
    resource: {
      name: definition.title,
      id: definition.id,
      resource_name: null,
      parent_fxf: [],
      description: definition.description,
      attribution: definition.publisher,
      attribution_link: null,
      contact_email: null,
      type: 'dataset',
      updatedAt: updated,
      createdAt: createdAt(state).toISOString(),
      metadata_updated_at: updated,
      data_updated_at: updated,
      // Each count with its log2(n + 1) twin, which Discovery ranks by.
      page_views: { page_views_last_week: 0, page_views_last_month: 0, page_views_total: 0, page_views_last_week_log: 0, page_views_last_month_log: 0, page_views_total_log: 0 },
      columns_name: columns.map((column) => column.label),
      columns_field_name: columns.map((column) => column.fieldName),
      columns_datatype: columns.map((column) => discoveryType(column.type)),
      columns_description: columns.map(() => ''),
      columns_format: columns.map(() => ({})),
      download_count: 0,
      provenance: 'official',
      lens_view_type: 'tabular',
      lens_display_type: 'table',
      locked: false,
      blob_mime_type: null,
      hide_from_data_json: false,
      publication_date: createdAt(state).toISOString(),
    },
    classification: {
      categories: [definition.theme],
      tags: [...definition.tags],
      domain_category: definition.theme,
      domain_tags: [...definition.tags],
      domain_metadata: [{ key: 'Dataset-Information_Update-Frequency', value: definition.updateFrequency }],
    },
    metadata: { domain, license: licenseOf(state).name, is_public: isPublic(state) },
    permalink: permalink(origin, seed, state),
    link: `${origin}/d/${definition.id}`,
    owner: { id: 'kfsb-0001', user_type: 'interactive', display_name: definition.publisher },
    creator: { id: 'kfsb-0001', user_type: 'interactive', display_name: definition.publisher },
  };
}
