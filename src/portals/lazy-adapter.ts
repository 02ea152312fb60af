import { UnsupportedError } from '../errors/unsupported-error.js';
import type { PortalFamily } from '../model/dataset.js';
import type { PortalAdapter, PortalCapabilities } from './portal-adapter.js';

/** The optional methods of {@link PortalAdapter}. */
export type OptionalAdapterMethod = 'lookup' | 'probeChanges' | 'openFile' | 'aggregate' | 'openChanges';

/** What a family knows about its adapter without loading it. */
export interface LazyAdapterSpec {
  readonly family: PortalFamily;
  readonly baseUrl: string;
  readonly capabilities: PortalCapabilities;
  parseTimestamp(value: unknown): Date | null;
  /** The optional methods the loaded adapter has: the engine checks their presence before loading. */
  readonly methods: readonly OptionalAdapterMethod[];
  /** Loads the adapter's module and builds the adapter. */
  load(): Promise<PortalAdapter>;
}

/**
 * An adapter whose translation code loads on the first request, so a browser app ships only
 * the family it talks to and only once it talks. Everything the engine reads synchronously
 * (family, capabilities, timestamps, which optional methods exist) comes from the spec.
 */
export function lazyAdapter(spec: LazyAdapterSpec): PortalAdapter {
  let loading: Promise<PortalAdapter> | undefined;
  const loaded = (): Promise<PortalAdapter> => {
    if (!loading) {
      loading = spec.load();
      // A failed chunk load (a page gone offline) is tried again on the next call.
      loading.catch(() => (loading = undefined));
    }
    return loading;
  };
  const method = <K extends OptionalAdapterMethod>(adapter: PortalAdapter, name: K): NonNullable<PortalAdapter[K]> => {
    const found = adapter[name];
    if (!found) throw new UnsupportedError(`${spec.family} adapter has no ${name}`);
    return found.bind(adapter) as NonNullable<PortalAdapter[K]>;
  };
  const has = (name: OptionalAdapterMethod) => spec.methods.includes(name);

  const adapter: PortalAdapter = {
    family: spec.family,
    baseUrl: spec.baseUrl,
    capabilities: spec.capabilities,
    parseTimestamp: (value) => spec.parseTimestamp(value),
    searchCatalog: async (query, cursor, call) => (await loaded()).searchCatalog(query, cursor, call),
    getDataset: async (id, call) => (await loaded()).getDataset(id, call),
    openRecords: async (id, query, call) => (await loaded()).openRecords(id, query, call),
    datasetVersion: async (id, call) => (await loaded()).datasetVersion(id, call),
  };
  return Object.assign(
    adapter,
    has('lookup') && { lookup: async (...args: Parameters<NonNullable<PortalAdapter['lookup']>>) => method(await loaded(), 'lookup')(...args) },
    has('probeChanges') && { probeChanges: async (...args: Parameters<NonNullable<PortalAdapter['probeChanges']>>) => method(await loaded(), 'probeChanges')(...args) },
    has('openFile') && { openFile: async (...args: Parameters<NonNullable<PortalAdapter['openFile']>>) => method(await loaded(), 'openFile')(...args) },
    has('aggregate') && { aggregate: async (...args: Parameters<NonNullable<PortalAdapter['aggregate']>>) => method(await loaded(), 'aggregate')(...args) },
    has('openChanges') && { openChanges: async (...args: Parameters<NonNullable<PortalAdapter['openChanges']>>) => method(await loaded(), 'openChanges')(...args) },
  );
}
