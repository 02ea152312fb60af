import type { z } from 'zod';
import { NotReadyError, PortalError, ResponseFormatError } from '../../errors/index.js';
import { parseRetryAfter } from '../../http/index.js';
import type { ResponseMeta } from '../../http/index.js';

/**
 * Checks a SODA answer and parses it with `schema`. A `202` ("still processing, ask again")
 * becomes a `NotReadyError` with a `retryAfter` (the answer's `Retry-After`, else
 * `pollInterval`): the transport's single retry layer then waits and asks again, within
 * `retry.retries`, and a client without retries sees the error. An error envelope under 200
 * becomes a `PortalError`.
 */
export function parseSodaAnswer<T extends z.ZodType>(body: unknown, meta: ResponseMeta, schema: T, pollInterval: number): z.output<T> {
  if (meta.status === 202) {
    throw new NotReadyError({
      status: 202,
      portalMessage: sodaErrorMessage(body) ?? 'the dataset is still being prepared',
      retryAfter: parseRetryAfter(meta.headers.get('retry-after')) ?? pollInterval,
    });
  }
  if (body && typeof body === 'object' && !Array.isArray(body) && (body as { error?: unknown }).error === true) {
    const { code, message } = body as { code?: unknown; message?: unknown };
    throw new PortalError(typeof code === 'string' ? code : 'error', typeof message === 'string' ? message : 'the request failed');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ResponseFormatError('The Socrata answer has an unexpected shape', { issues: result.error.issues, body: JSON.stringify(body) });
  }
  return result.data;
}

/** Socrata's explanation in an error body: `code: message` of its envelope. */
export function sodaErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.length > 0 && body.length < 500 && !body.trimStart().startsWith('<') ? body : undefined;
  if (!body || typeof body !== 'object') return undefined;
  const { code, message } = body as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return typeof code === 'string' ? code : undefined;
  return typeof code === 'string' ? `${code}: ${message}` : message;
}
