import type { z } from 'zod';
import { assertIdentifier } from '../portals/path-segment.js';
import type { PortalAdapter, RawRecord } from '../portals/portal-adapter.js';
import { DatasetSync } from './dataset-sync.js';
import type { SyncOptions } from './sync-options.js';

/**
 * `client.sync(datasetId, options)`: a {@link DatasetSync} of one dataset, typed by `schema`.
 *
 * @example
 * const sync = client.sync('nb-food-licenses', { key: 'XKZBH', schema: License, store: new FileCheckpointStore('.kaifang') });
 * const { added, updated, removed } = await sync.pull();
 */
export interface SyncMethod {
  <S extends z.ZodType>(datasetId: string, options: SyncOptions<S> & { readonly schema: S }): DatasetSync<z.output<S>>;
  (datasetId: string, options: SyncOptions): DatasetSync<RawRecord>;
}

/** Binds `sync` to a client's adapter and its `maxResponseBytes` (which bounds file syncs). */
export function createSync(adapter: PortalAdapter, limits: { readonly maxResponseBytes?: number | undefined } = {}): SyncMethod {
  return ((datasetId: string, options: SyncOptions) => {
    assertIdentifier(datasetId);
    return new DatasetSync(adapter, datasetId, options, limits);
  }) as SyncMethod;
}
