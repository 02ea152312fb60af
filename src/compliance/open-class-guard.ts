import { AuthError } from '../errors/auth-error.js';
import { ForbiddenDataError } from '../errors/forbidden-data-error.js';
import type { Dataset, OpenClass } from '../model/dataset.js';
import type { CallOptions, PortalAdapter } from '../portals/portal-adapter.js';
import { restrictedDataError } from './restricted-data-error.js';

/** Options of {@link guardOpenClass}. */
export interface OpenClassGuardOptions {
  /** Whether the client holds credentials (app secret, token, API key) that may unlock restricted data. */
  readonly credentials: boolean;
  /** How long a learned open class is trusted, in ms. @default 300_000 */
  readonly ttl?: number;
}

const DEFAULT_TTL = 300_000;

/** Throws when the rules forbid reading the dataset's data with these credentials. */
export function assertReadable(dataset: Pick<Dataset, 'id' | 'openClass'>, credentials: boolean, id = dataset.id): void {
  if (dataset.openClass === 'forbidden') throw new ForbiddenDataError(id);
  if (dataset.openClass === 'restricted' && !credentials) throw restrictedDataError(id);
}

/**
 * Wraps an adapter so that every read of a dataset's data (records, files, change reads, version
 * markers, results-only lookups) first checks its open class: `forbidden` throws
 * `ForbiddenDataError` and `restricted` without credentials an `AuthError`, before any request
 * for the data. The class comes from the catalogue entry (one metadata call, answered by the
 * transport cache when fresh) and is remembered per dataset for `ttl`.
 */
export function guardOpenClass(adapter: PortalAdapter, options: OpenClassGuardOptions): PortalAdapter {
  const ttl = options.ttl ?? DEFAULT_TTL;
  const known = new Map<string, { openClass: Promise<OpenClass>; expires: number }>();

  const openClassOf = (id: string, call: CallOptions): Promise<OpenClass> => {
    const now = Date.now();
    const entry = known.get(id);
    if (entry && entry.expires > now) return entry.openClass;
    const openClass = adapter.getDataset(id, call.signal ? { signal: call.signal } : {}).then(
      (dataset) => dataset.openClass,
      (error: unknown) => {
        // ckan and socrata refuse even the metadata of private data to anonymous callers.
        if (error instanceof AuthError && !options.credentials) throw restrictedDataError(id, error);
        throw error;
      },
    );
    known.set(id, { openClass, expires: now + ttl });
    // A failed lookup (network, abort) is not remembered.
    openClass.catch(() => known.delete(id));
    return openClass;
  };
  const check = async (id: string, call: CallOptions): Promise<void> => {
    assertReadable({ id, openClass: await openClassOf(id, call) }, options.credentials);
  };

  const guarded: PortalAdapter = {
    family: adapter.family,
    baseUrl: adapter.baseUrl,
    capabilities: adapter.capabilities,
    searchCatalog: (query, cursor, call) => adapter.searchCatalog(query, cursor, call),
    getDataset: async (id, call) => {
      const dataset = await adapter.getDataset(id, call);
      known.set(id, { openClass: Promise.resolve(dataset.openClass), expires: Date.now() + ttl });
      return dataset;
    },
    openRecords: async (id, query, call) => {
      await check(id, call);
      return adapter.openRecords(id, query, call);
    },
    datasetVersion: async (id, call) => {
      await check(id, call);
      return adapter.datasetVersion(id, call);
    },
    parseTimestamp: (value) => adapter.parseTimestamp(value),
  };
  const { lookup, probeChanges, openFile, openChanges, aggregate } = adapter;
  return Object.assign(
    guarded,
    lookup && {
      lookup: (dataset: Dataset, params: Record<string, string>, call: CallOptions) => {
        assertReadable(dataset, options.credentials);
        return lookup.call(adapter, dataset, params, call);
      },
    },
    probeChanges && { probeChanges: async (id: string, call: CallOptions) => (await check(id, call), probeChanges.call(adapter, id, call)) },
    openFile && { openFile: async (id: string, selection: Parameters<typeof openFile>[1], call: CallOptions) => (await check(id, call), openFile.call(adapter, id, selection, call)) },
    openChanges && { openChanges: async (id: string, query: Parameters<typeof openChanges>[1], call: CallOptions) => (await check(id, call), openChanges.call(adapter, id, query, call)) },
    aggregate && { aggregate: async (id: string, query: Parameters<typeof aggregate>[1], call: CallOptions) => (await check(id, call), aggregate.call(adapter, id, query, call)) },
  );
}
