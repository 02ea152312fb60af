import { CkanActionError } from './action-error.js';
import type { ActionRequest } from './action-request.js';
import { assertReadable, findResource } from './dataset-lookup.js';
import { fileResourceDicts } from './file-resources.js';
import { packageId, resourceDict, resourceId } from './package-dict.js';
import { requireString } from './param-validators.js';

/** `resource_show(id)`: a dataset's DataStore resource or one of its file resources. */
export function resourceShow(request: ActionRequest): unknown {
  const id = requireString(request.params, 'id');
  const { seed } = request.context;
  for (const candidate of request.context.datasets.values()) {
    const file = fileResourceDicts(candidate, seed, request.origin, packageId(seed, candidate.id)).find((dict) => dict['id'] === id);
    if (!file) continue;
    assertReadable(request.context, candidate, request.authorized, 'resource');
    return file;
  }
  const state = findResource(request.context, id);
  // Only the real resource id is a resource here; the dataset-name alias is DataStore-only.
  if (!state || resourceId(request.context.seed, state.id) !== id) throw CkanActionError.notFound('Resource was not found.');
  assertReadable(request.context, state, request.authorized, 'resource');
  return resourceDict(state, request.context.seed, request.origin);
}
