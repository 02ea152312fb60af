import type { DatasetState } from '../../dataset-state.js';
import { CkanActionError } from './action-error.js';
import type { ActionRequest } from './action-request.js';
import { compileCatalogQuery, type CatalogDocument } from './catalog-query.js';
import { groupName, isPrivate, organizationName, packageDict, packageId } from './package-dict.js';
import { readBoolean, readNaturalNumber, readString } from './param-validators.js';

/** CKAN's `ckan.search.rows_max`: larger `rows` are silently lowered to it. */
export const PACKAGE_SEARCH_MAX_ROWS = 1000;

const DEFAULT_SORT = 'score desc, metadata_modified desc';
const SORTABLE = ['score', 'id', 'name', 'title', 'title_string', 'metadata_modified', 'metadata_created', 'num_resources', 'num_tags'];
const FACETABLE = ['tags', 'organization', 'groups', 'res_format', 'license_id'] as const;
type FacetField = (typeof FACETABLE)[number];

interface Candidate {
  readonly state: DatasetState;
  readonly document: CatalogDocument;
  readonly score: number;
}

/** `package_search`: Solr-style search over the catalogue. */
export function packageSearch(request: ActionRequest): unknown {
  const { params, context } = request;
  const q = readString(params, 'q')?.trim() || '*:*';
  const fqList = [readString(params, 'fq') ?? '', ...readFqList(params['fq_list'])];
  const rows = Math.min(readNaturalNumber(params, 'rows', 10), PACKAGE_SEARCH_MAX_ROWS);
  const start = readNaturalNumber(params, 'start', 0);
  const sort = readString(params, 'sort')?.trim() || DEFAULT_SORT;
  const includePrivate = readBoolean(params, 'include_private', false) && request.authorized;
  const facetFields = readFacetFields(params['facet.field']);
  const facetLimit = readNaturalNumber(params, 'facet.limit', 50);

  const order = parseSort(sort);
  const now = context.now();
  const query = compileCatalogQuery(q, now);
  const filters = fqList.map((fq) => compileCatalogQuery(fq, now));

  const found: Candidate[] = [];
  for (const state of context.datasets.values()) {
    if (isPrivate(state.definition) && !includePrivate) continue;
    const document = catalogDocument(state, context.seed);
    if (!query.matches(document) || !filters.every((filter) => filter.matches(document))) continue;
    found.push({ state, document, score: query.score(document) });
  }
  found.sort((a, b) => {
    for (const { field, direction } of order) {
      const difference = compareBy(field, a, b);
      if (difference !== 0) return direction === 'asc' ? difference : -difference;
    }
    return a.document.name < b.document.name ? -1 : a.document.name > b.document.name ? 1 : 0;
  });

  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, unknown> = {};
  for (const field of facetFields) {
    const counts = new Map<string, { count: number; display: string }>();
    for (const { state, document } of found) {
      for (const [name, display] of facetValues(field, state, document)) {
        const entry = counts.get(name) ?? { count: 0, display };
        entry.count++;
        counts.set(name, entry);
      }
    }
    const items = [...counts.entries()]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .slice(0, facetLimit);
    facets[field] = Object.fromEntries(items.map(([name, { count }]) => [name, count]));
    searchFacets[field] = { title: field, items: items.map(([name, { count, display }]) => ({ name, display_name: display, count })) };
  }

  return {
    count: found.length,
    facets,
    results: found.slice(start, start + rows).map(({ state }) => packageDict(state, context.seed, request.origin)),
    sort,
    search_facets: searchFacets,
  };
}

function catalogDocument(state: DatasetState, seed: number): CatalogDocument {
  const definition = state.definition;
  return {
    id: packageId(seed, definition.id),
    name: definition.id,
    title: definition.title,
    notes: definition.description,
    tags: definition.tags,
    organization: organizationName(definition),
    groups: [groupName(definition)],
    res_format: ['CSV'],
    license_id: isPrivate(definition) ? 'other-closed' : 'cc-by',
    capacity: isPrivate(definition) ? 'private' : 'public',
    state: 'active',
    type: 'dataset',
    metadata_modified: state.updatedAt,
    metadata_created: new Date(`${definition.releasedOn}T00:00:00Z`),
  };
}

/** `field asc|desc, …`; Solr rejects a missing direction or unknown field, which CKAN reports as 400. */
function parseSort(sort: string): { field: string; direction: 'asc' | 'desc' }[] {
  return sort.split(',').map((part) => {
    const match = /^\s*(\S+)\s+(asc|desc)\s*$/i.exec(part);
    if (!match || !SORTABLE.includes(match[1] as string)) throw CkanActionError.searchQuery('Invalid "sort" parameter');
    return { field: match[1] as string, direction: (match[2] as string).toLowerCase() as 'asc' | 'desc' };
  });
}

function compareBy(field: string, a: Candidate, b: Candidate): number {
  switch (field) {
    case 'score':
      return a.score - b.score;
    case 'metadata_modified':
      return a.document.metadata_modified.getTime() - b.document.metadata_modified.getTime();
    case 'metadata_created':
      return a.document.metadata_created.getTime() - b.document.metadata_created.getTime();
    case 'num_tags':
      return a.document.tags.length - b.document.tags.length;
    case 'num_resources':
      return 0;
    default: {
      const key = field === 'title_string' ? 'title' : (field as 'id' | 'name' | 'title');
      const x = a.document[key];
      const y = b.document[key];
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

/** `fq_list`: a list of filter queries (a repeated key, or a JSON list in a body). */
function readFqList(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((item) => {
    if (typeof item !== 'string') throw CkanActionError.validation({ fq_list: 'Not a list of strings' });
    return item;
  });
}

/** `facet.field`: a JSON list of field names (a JSON string in a query). */
function readFacetFields(raw: unknown): FacetField[] {
  if (raw === undefined || raw === null || raw === '') return [];
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw CkanActionError.validation({ 'facet.field': 'Could not parse as valid JSON' });
    }
  }
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw CkanActionError.validation({ 'facet.field': 'Not a list' });
  }
  for (const field of value) {
    if (!(FACETABLE as readonly string[]).includes(field)) {
      throw CkanActionError.search(`SOLR returned an error running query: undefined field ${field}`);
    }
  }
  return value as FacetField[];
}

function facetValues(field: FacetField, state: DatasetState, document: CatalogDocument): [string, string][] {
  switch (field) {
    case 'tags':
      return document.tags.map((tag) => [tag, tag]);
    case 'organization':
      return [[document.organization, state.definition.publisher]];
    case 'groups':
      return document.groups.map((group) => [group, state.definition.theme]);
    case 'res_format':
      return document.res_format.map((format) => [format, format]);
    case 'license_id':
      return [[document.license_id, document.license_id]];
  }
}
