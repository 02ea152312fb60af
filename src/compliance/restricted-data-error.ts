import { AuthError } from '../errors/auth-error.js';

/**
 * The `AuthError` of a restricted dataset (受限开放) asked for without credentials: thrown
 * before any request for its data, telling the caller what the rules require. `cause` is the
 * portal's own refusal of the metadata, when it refused that too (ckan, socrata).
 */
export function restrictedDataError(datasetId: string, cause?: unknown): AuthError {
  return new AuthError({
    status: 403,
    message: `${datasetId} is restricted public data (受限开放): it needs an approved data-use application and the app credentials issued with it; no request was sent for its data`,
    ...(cause === undefined ? {} : { cause }),
  });
}
