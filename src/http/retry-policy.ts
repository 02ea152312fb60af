import { HttpError } from '../errors/http-error.js';
import { NetworkError } from '../errors/network-error.js';
import { NotReadyError } from '../errors/not-ready-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { RetryOptions } from './transport-types.js';

/** Retry settings with every default filled in. */
export interface RetryPolicy {
  retries: number;
  minDelay: number;
  maxDelay: number;
  maxRetryAfter: number;
}

/** Fills in the defaults; `false` (or no retries) gives `undefined`. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy | undefined {
  if (options === false) return undefined;
  const nonNegative = (value: number | undefined, fallback: number): number =>
    value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  const policy: RetryPolicy = {
    retries: Math.floor(nonNegative(options?.retries, 3)),
    minDelay: nonNegative(options?.minDelay, 300),
    maxDelay: nonNegative(options?.maxDelay, 10_000),
    maxRetryAfter: nonNegative(options?.maxRetryAfter, 60_000),
  };
  return policy.retries === 0 ? undefined : policy;
}

/** What to do after a failed attempt. */
export type RetryDecision = { retry: false } | { retry: true; delay: number };

/** Facts about a failure that the error object does not carry. */
export interface FailureContext {
  /** Retries already made. */
  retriesConsumed: number;
  /** The error was thrown by the adapter's `parse`, not by the HTTP layer. */
  fromParse: boolean;
  /** A `Retry-After` delay sent with a non-429 answer (e.g. 503). */
  retryAfter: number | undefined;
}

const RETRY_STATUSES = new Set([408, 425, 429]);

const STOP: RetryDecision = { retry: false };

/** Exponential backoff with "equal jitter": half fixed, half random. */
export function backoffDelay(retriesConsumed: number, policy: RetryPolicy): number {
  const base = Math.min(policy.maxDelay, policy.minDelay * 2 ** retriesConsumed);
  return Math.round(base / 2 + Math.random() * (base / 2));
}

const honour = (wait: number, policy: RetryPolicy): RetryDecision =>
  wait > policy.maxRetryAfter ? STOP : { retry: true, delay: wait };

/**
 * Decides whether a failed GET/HEAD attempt is retried and after how long: network errors,
 * timeouts, malformed answers, answers not ready yet, 408, 425, 429 and 5xx are; `Retry-After`
 * replaces backoff up to `maxRetryAfter`. A quota error from `parse` is only retried when it
 * says how long to wait.
 */
export function decideRetry(error: unknown, context: FailureContext, policy: RetryPolicy): RetryDecision {
  const backoff: RetryDecision = { retry: true, delay: backoffDelay(context.retriesConsumed, policy) };
  // The portal is preparing the answer (Socrata's 202): ask again when it says, else after the backoff.
  if (error instanceof NotReadyError) return error.retryAfter === undefined ? backoff : honour(error.retryAfter, policy);
  if (error instanceof RateLimitError) {
    if (error.retryAfter !== undefined) return honour(error.retryAfter, policy);
    return context.fromParse ? STOP : backoff;
  }
  if (error instanceof HttpError) {
    if (!RETRY_STATUSES.has(error.status) && !(error.status >= 500 && error.status <= 599)) return STOP;
    return context.retryAfter === undefined ? backoff : honour(context.retryAfter, policy);
  }
  if (error instanceof NetworkError || error instanceof TimeoutError || error instanceof ResponseFormatError) {
    return backoff;
  }
  return STOP;
}
