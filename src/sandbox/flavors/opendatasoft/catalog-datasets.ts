import type { SandboxContext } from '../../flavor.js';
import type { Caller } from './api-key.js';
import { catalogEntry, DEFAULT_METAS_FIELDS, defaultMetas, isRestricted } from './catalog-entry.js';
import { OdsError } from './ods-responses.js';
import { parseOrderBy, parseSelect } from './odsql-clauses.js';
import { compileWhere, type OdsqlRecord } from './odsql-where.js';
import { readWindow } from './paging.js';

const CATALOG_FIELDS = ['dataset_id', ...DEFAULT_METAS_FIELDS];
const FACETS = new Set(['theme', 'keyword', 'publisher', 'license', 'language', 'territory']);

/**
 * `GET /catalog/datasets`: the datasets this caller may see, filtered by `where` (over
 * `dataset_id` and `metas.default` fields) and `refine=facet:value`, ordered by `order_by`
 * (default `dataset_id`), with `limit`/`offset` and `select` choosing the `metas.default` fields.
 */
export function catalogDatasets(url: URL, context: SandboxContext, caller: Caller): unknown {
  const search = url.searchParams;
  const { limit, offset } = readWindow(search);
  const predicate = compileWhere(search.get('where') ?? '', new Set(CATALOG_FIELDS));
  const order = parseOrderBy(search.get('order_by'), CATALOG_FIELDS) ?? parseOrderBy('dataset_id', CATALOG_FIELDS);
  const selected = new Set(parseSelect(search.get('select'), CATALOG_FIELDS));
  const refines = search.getAll('refine').map((refine) => {
    const at = refine.indexOf(':');
    const facet = at < 0 ? '' : refine.slice(0, at);
    if (!FACETS.has(facet)) throw OdsError.parameter(`Invalid value for refine API parameter: ${refine} was found but facet:value on one of ${[...FACETS].join(', ')} is expected.`);
    return { facet, value: refine.slice(at + 1) };
  });

  const found: { entry: OdsqlRecord; state: Parameters<typeof defaultMetas>[0] }[] = [];
  for (const state of context.datasets.values()) {
    if (isRestricted(state) && caller !== 'authorized') continue;
    const entry: OdsqlRecord = { dataset_id: state.id, ...defaultMetas(state) };
    if (!predicate(entry)) continue;
    if (!refines.every(({ facet, value }) => [entry[facet]].flat().some((item) => String(item) === value))) continue;
    found.push({ entry, state });
  }
  if (order) found.sort((a, b) => order(a.entry, b.entry));

  return {
    total_count: found.length,
    results: found.slice(offset, offset + limit).map(({ entry, state }) => {
      const metas = Object.fromEntries(DEFAULT_METAS_FIELDS.filter((name) => selected.has(name)).map((name) => [name, entry[name] ?? null]));
      return catalogEntry(state, context.seed, metas);
    }),
  };
}
