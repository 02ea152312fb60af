import type { z } from 'zod';
import type { EngineContext } from '../engine-context.js';
import { assertIdentifier } from '../portals/path-segment.js';
import type { RawRecord } from '../portals/portal-adapter.js';
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

/** Binds `sync` to a client's engine context. */
export function createSync(context: EngineContext): SyncMethod {
  return ((datasetId: string, options: SyncOptions) => {
    assertIdentifier(datasetId);
    return new DatasetSync(context, datasetId, options);
  }) as SyncMethod;
}
