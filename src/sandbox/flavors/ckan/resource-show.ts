import { CkanActionError } from './action-error.js';
import type { ActionRequest } from './action-request.js';
import { assertReadable, findResource } from './dataset-lookup.js';
import { resourceDict, resourceId } from './package-dict.js';
import { requireString } from './param-validators.js';

/** `resource_show(id)`: a dataset's DataStore resource. */
export function resourceShow(request: ActionRequest): unknown {
  const id = requireString(request.params, 'id');
  const state = findResource(request.context, id);
  // Only the real resource id is a resource here; the dataset-name alias is DataStore-only.
  if (!state || resourceId(request.context.seed, state.id) !== id) throw CkanActionError.notFound('Resource was not found.');
  assertReadable(request.context, state, request.authorized, 'resource');
  return resourceDict(state, request.context.seed, request.origin);
}
