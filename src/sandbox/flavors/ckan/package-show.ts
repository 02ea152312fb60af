import { CkanActionError } from './action-error.js';
import type { ActionRequest } from './action-request.js';
import { assertReadable, findPackage } from './dataset-lookup.js';
import { packageDict } from './package-dict.js';
import { readString } from './param-validators.js';

/** `package_show(id)`: one dataset by name or id. CKAN reports a missing id as `name_or_id`. */
export function packageShow(request: ActionRequest): unknown {
  const id = readString(request.params, 'id') || readString(request.params, 'name_or_id');
  if (!id) throw CkanActionError.validation({ name_or_id: 'Missing value' });
  const state = findPackage(request.context, id);
  if (!state) throw CkanActionError.notFound();
  assertReadable(request.context, state, request.authorized, 'package');
  return packageDict(state, request.context.seed, request.origin);
}
