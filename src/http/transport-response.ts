import type { RequestSummary } from '../errors/kaifang-error.js';
import type { TransportResponse } from './transport-types.js';

/** What a response is made of besides its URL and cache flags. */
export type ResponseParts<T> = Pick<TransportResponse<T>, 'data' | 'status' | 'headers'>;

/** A request's answer whose redacted `url` is worked out only if someone reads it: a page read never does. */
export function transportResponse<T>(request: RequestSummary, parts: ResponseParts<T>, fromCache: boolean, revalidated: boolean): TransportResponse<T> {
  return {
    data: parts.data,
    status: parts.status,
    headers: parts.headers,
    fromCache,
    revalidated,
    get url() {
      return request.url;
    },
  };
}
