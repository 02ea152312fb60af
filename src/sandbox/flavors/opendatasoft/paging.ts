import { OdsError } from './ods-responses.js';
import { readInteger } from './odsql-clauses.js';

/** Largest `limit` of `/records` and `/catalog/datasets`. */
export const MAX_LIMIT = 100;
/** Largest `offset + limit` Explore serves; past it, full reads must use an export. */
export const MAX_WINDOW = 10_000;

/** `limit` (default 10, at most 100) and `offset`, with `offset + limit` at most 10,000. */
export function readWindow(search: URLSearchParams): { limit: number; offset: number } {
  const limit = readInteger(search, 'limit', 10, -1, MAX_LIMIT);
  const offset = readInteger(search, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const effective = limit === -1 ? MAX_LIMIT : limit;
  if (offset + effective > MAX_WINDOW) {
    throw OdsError.parameter(`Invalid value for sum of offset + limit API parameter: ${offset + effective} was found but <= ${MAX_WINDOW} is expected.`);
  }
  return { limit: effective, offset };
}
