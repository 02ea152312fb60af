import { UnsupportedError } from '../errors/unsupported-error.js';
import type { PortalFacts } from '../portals/define-portal.js';
import type { CallOptions, PortalAdapter } from '../portals/portal-adapter.js';
import { MODIFIED_COLUMNS } from '../records/record-query.js';
import type { PullStrategy } from './checkpoint.js';
import type { SyncStrategy } from './sync-options.js';

/** The strategy to run and, for modified-since, the modification-time column. */
export interface ChosenStrategy {
  readonly strategy: PullStrategy;
  readonly modifiedColumn: string | null;
}

/**
 * Picks the best strategy the adapter offers for the dataset (`auto`), or checks that the one
 * asked for is possible. The adapter caches its own probe, so this costs a request once.
 */
export async function chooseStrategy(
  adapter: PortalAdapter,
  portal: PortalFacts,
  dataset: string,
  requested: SyncStrategy,
  modifiedColumn: string | undefined,
  call: CallOptions,
): Promise<ChosenStrategy> {
  if (requested === 'full' || requested === 'change-check') return { strategy: requested, modifiedColumn: null };
  const support = adapter.probeChanges && adapter.openChanges ? await adapter.probeChanges(dataset, call) : null;
  const column = support ? (modifiedColumn !== undefined ? (support.columns.includes(modifiedColumn) ? modifiedColumn : undefined) : MODIFIED_COLUMNS.find((name) => support.columns.includes(name))) : undefined;
  if (support && column !== undefined) return { strategy: 'modified-since', modifiedColumn: column };
  if (requested === 'auto') return { strategy: 'change-check', modifiedColumn: null };
  if (!support) {
    throw new UnsupportedError(`${dataset} cannot be read by record modification time on this ${portal.family} portal (ckan needs datastore_search_sql enabled): use strategy 'change-check'`);
  }
  throw new UnsupportedError(
    `${dataset} has no modification-time column ${modifiedColumn !== undefined ? `"${modifiedColumn}"` : `(tried ${MODIFIED_COLUMNS.join(', ')})`}; columns: ${support.columns.join(', ')}`,
  );
}
