import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import { CkanActionError } from './action-error.js';
import { isPrivate, packageId, resourceId } from './package-dict.js';

/** The dataset whose name (slug) or package id is `idOrName`. */
export function findPackage(context: SandboxContext, idOrName: string): DatasetState | undefined {
  const byName = context.datasets.get(idOrName);
  if (byName) return byName;
  for (const state of context.datasets.values()) if (packageId(context.seed, state.id) === idOrName) return state;
  return undefined;
}

/**
 * The dataset whose resource id is `id`. The dataset's name also works, as a DataStore alias
 * does on a real site (`datastore_create` with `aliases`).
 */
export function findResource(context: SandboxContext, id: string): DatasetState | undefined {
  for (const state of context.datasets.values()) if (resourceId(context.seed, state.id) === id) return state;
  return context.datasets.get(id);
}

/**
 * CKAN's 403 for a private dataset read without the token. Forbidden data (禁止开放) is private
 * and its rows are refused to every caller: only the package itself may be shown.
 */
export function assertReadable(context: SandboxContext, state: DatasetState, authorized: boolean, what: 'package' | 'resource'): void {
  const forbiddenRows = what === 'resource' && state.definition.openClass === 'forbidden';
  if (!forbiddenRows && (!isPrivate(state.definition) || authorized)) return;
  const id = what === 'package' ? packageId(context.seed, state.id) : resourceId(context.seed, state.id);
  throw CkanActionError.notAuthorized(`User not authorized to read ${what} ${id}`);
}
