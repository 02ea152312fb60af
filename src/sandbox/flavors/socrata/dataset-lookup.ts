import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import { fourByFour } from './four-by-four.js';
import { SocrataError } from './socrata-error.js';

/** Datasets are public when unconditionally open; anything else needs the app token. */
export function isPublic(state: DatasetState): boolean {
  return state.definition.openClass === 'unconditional';
}

/** The dataset served under a slug or its 4x4 alias; 404 otherwise, 403 when private and unauthorized. */
export function findDataset(context: SandboxContext, id: string, authorized: boolean): DatasetState {
  const state = context.datasets.get(id) ?? byAlias(context, id);
  if (!state) throw SocrataError.notFound(`dataset ${id}`);
  if (!isPublic(state) && !authorized) {
    throw new SocrataError(403, 'permission_denied', `You do not have permission to view dataset ${id}`);
  }
  return state;
}

function byAlias(context: SandboxContext, id: string): DatasetState | undefined {
  if (!/^[a-z0-9]{4}-[a-z0-9]{4}$/.test(id)) return undefined;
  for (const state of context.datasets.values()) if (fourByFour(context.seed, state.id) === id) return state;
  return undefined;
}
