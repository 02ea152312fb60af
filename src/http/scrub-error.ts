import { attachRequest, KaifangError, type RequestSummary } from '../errors/kaifang-error.js';

const SCRUBBED_FIELDS = ['message', 'stack', 'bodyExcerpt', 'portalMessage'] as const;

/**
 * Makes an error safe to leave the transport: records the request on a kaifang error that has
 * none (e.g. one thrown by an adapter's `parse`), and redacts secrets from its message, stack,
 * body excerpt, portal message, request URL and cause. Other errors pass through untouched.
 */
export function scrubError(error: unknown, request: RequestSummary, redact: (text: string) => string): unknown {
  if (!(error instanceof KaifangError)) return error;
  attachRequest(error, request);
  const fields = error as unknown as Record<string, unknown>;
  for (const field of SCRUBBED_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') {
      const clean = redact(value);
      if (clean !== value) fields[field] = clean;
    }
  }
  if (error.request) error.request = { method: error.request.method, url: redact(error.request.url) };
  const cause = error.cause;
  if (cause instanceof Error && !(cause instanceof KaifangError)) {
    const message = redact(cause.message);
    const stack = cause.stack === undefined ? undefined : redact(cause.stack);
    if (message !== cause.message || stack !== cause.stack) {
      // The cause may belong to someone else (a fetch implementation); replace it, don't edit it.
      const copy = new Error(message);
      copy.name = cause.name;
      if (stack !== undefined) copy.stack = stack;
      fields['cause'] = copy;
    }
  } else if (cause instanceof KaifangError) {
    scrubError(cause, request, redact);
  }
  return error;
}
