import { abortableSleep } from './abortable-sleep.js';
import type { AbortRelay } from './abort-relay.js';
import type { PreparedRequest } from './prepare-request.js';
import type { CachedResponse } from './response-cache.js';
import { decideRetry, type RetryPolicy } from './retry-policy.js';
import { scrubError } from './scrub-error.js';
import { AttemptFailure, sendAttempt, type AttemptAnswer, type AttemptSettings } from './send-attempt.js';

/** What the retry loop of one transport needs: the attempts' settings and the retry policy. */
export interface RetrySettings extends AttemptSettings {
  /** `undefined` when retries are off. */
  readonly retry: RetryPolicy | undefined;
}

/**
 * Sends a request until an attempt succeeds or {@link decideRetry} says stop: the one retry
 * layer. Only GET and HEAD are retried. Between attempts it reports `onRetry` and sleeps, and a
 * caller's abort ends it at once with the caller's own reason, never retried. Errors leave with
 * the request's secrets redacted.
 */
export async function sendWithRetries<T>(
  request: PreparedRequest<T>,
  signal: AbortSignal | undefined,
  stale: CachedResponse | undefined,
  settings: RetrySettings,
): Promise<AttemptAnswer<T>> {
  const policy = settings.retry;
  const retries = policy && (request.method === 'GET' || request.method === 'HEAD') ? policy.retries : 0;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await sendAttempt(request, attempt, signal, stale, settings);
    if (signal?.aborted) throw signal.reason;
    if (!(outcome instanceof AttemptFailure)) return outcome;
    const error = scrubError(outcome.error, request, (text) => request.redact(text));
    const retriesConsumed = attempt - 1;
    if (!policy || retriesConsumed >= retries) throw error;
    const decision = decideRetry(error, { retriesConsumed, fromParse: outcome.fromParse, retryAfter: outcome.retryAfter }, policy);
    if (!decision.retry) throw error;
    settings.hooks.onRetry?.({
      method: request.method,
      url: request.url,
      attempt,
      error: error as Error,
      delay: decision.delay,
      retriesLeft: retries - retriesConsumed,
    });
    await sleepUnlessAborted(decision.delay, signal, settings.relay);
  }
}

/** Waits `ms` before the next attempt; the caller's abort ends the wait with the caller's reason. */
async function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined, relay: AbortRelay): Promise<void> {
  if (!signal) return abortableSleep(ms);
  const wait = new AbortController();
  relay.link(signal, wait);
  try {
    await abortableSleep(ms, wait.signal);
  } finally {
    relay.unlink(signal, wait);
  }
}
