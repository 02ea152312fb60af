import { createHttpError } from '../errors/create-http-error.js';
import { NetworkError } from '../errors/network-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { AbortRelay } from './abort-relay.js';
import { decodeBody, decodeErrorBody } from './decode-body.js';
import { parseRetryAfter } from './parse-retry-after.js';
import type { PreparedRequest } from './prepare-request.js';
import type { RateLimiter } from './rate-limiter.js';
import { readBody } from './read-body.js';
import { redactHeaders } from './redact-headers.js';
import type { CachedResponse } from './response-cache.js';
import type { FetchFunction, RequestSpec, TransportHooks } from './transport-types.js';

/** What every attempt of one transport shares. */
export interface AttemptSettings {
  /** The caller's fetch; `undefined` looks up `globalThis.fetch` on every attempt. */
  readonly fetch: FetchFunction | undefined;
  readonly maxResponseBytes: number;
  readonly hooks: TransportHooks;
  readonly secretHeaders: readonly string[];
  readonly limiter: RateLimiter | undefined;
  /** Passes a caller's abort on to the attempts under it. */
  readonly relay: AbortRelay;
}

/** An attempt that got an answer and parsed it. */
export interface AttemptAnswer<T> {
  status: number;
  headers: Headers;
  /** The body as read (the stored body for a 304); empty for HEAD and stream answers. */
  text: string;
  data: T;
  /** The `parse` that made `data`. */
  parse: RequestSpec<T>['parse'];
  /** `true` when a 304 confirmed the stored answer. */
  revalidated: boolean;
}

/** An attempt that failed, with the facts the retry decision needs besides the error itself. */
export class AttemptFailure {
  constructor(
    readonly error: unknown,
    /** The adapter's `parse` threw `error`: a quota error from `parse` is retried only when it names a wait. */
    readonly fromParse: boolean = false,
    /** `Retry-After` of an error answer that is not a 429 (a 429's is on its `RateLimitError`). */
    readonly retryAfter: number | undefined = undefined,
  ) {}
}

const CONFIRMED_HEADERS = ['etag', 'last-modified', 'cache-control', 'expires', 'date'] as const;

const timedOut = (controller: AbortController): void => controller.abort(new DOMException('attempt timed out', 'TimeoutError'));

/** The request's headers asking the portal to answer 304 when the stored answer is still current. */
function conditionalHeaders(headers: Readonly<Record<string, string>>, stale: CachedResponse): Record<string, string> {
  const conditional = { ...headers };
  if (stale.etag !== undefined) conditional['if-none-match'] = stale.etag;
  if (stale.lastModified !== undefined) conditional['if-modified-since'] = stale.lastModified;
  return conditional;
}

/**
 * One attempt: waits for the rate limiter, sends with the platform `fetch` (or the caller's)
 * under one per-attempt timeout, reads the body up to the byte limit, turns an error status into
 * its error class, and runs the adapter's `parse`. It never throws: a failure comes back as an
 * {@link AttemptFailure} for the retry loop.
 */
export async function sendAttempt<T>(
  request: PreparedRequest<T>,
  attempt: number,
  signal: AbortSignal | undefined,
  stale: CachedResponse | undefined,
  settings: AttemptSettings,
): Promise<AttemptAnswer<T> | AttemptFailure> {
  const { method } = request;
  const { hooks, relay } = settings;
  // This attempt's own controller, aborted by its timeout or by the caller's signal through the relay.
  const controller = signal || request.timeout !== false ? new AbortController() : undefined;
  // A stream answer outlives the attempt, so its fetch follows the caller's signal for good.
  const linked = signal !== undefined && controller !== undefined && request.spec.responseType !== 'stream';
  let fetchSignal: AbortSignal | null = controller?.signal ?? null;
  if (linked) relay.link(signal, controller);
  else if (signal && controller) fetchSignal = AbortSignal.any([signal, controller.signal]);
  let release: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (settings.limiter) release = await settings.limiter.acquire(fetchSignal ?? undefined);
    // A timer cleared when the attempt ends (rather than AbortSignal.timeout) leaves nothing running.
    if (request.timeout !== false && controller) timer = setTimeout(timedOut, request.timeout, controller);
    const headers = stale?.etag !== undefined || stale?.lastModified !== undefined ? conditionalHeaders(request.headers, stale) : request.headers;
    const init: RequestInit = { method, headers, signal: fetchSignal };
    if (request.body !== undefined) init.body = request.body;
    // Built outside the network's try: a header `Request` refuses is a bug to report, not a network error to retry.
    const outgoing = new Request(request.href, init);
    hooks.onRequest?.({ method, url: request.url, headers: redactHeaders(headers, settings.secretHeaders), attempt });

    let response: Response;
    let text: string;
    try {
      response = await (settings.fetch ?? globalThis.fetch)(outgoing);
      // A stream answer's body is handed to `parse` unread; an error answer is read as usual.
      text = method === 'HEAD' || (request.spec.responseType === 'stream' && response.ok) ? '' : await readBody(response, settings.maxResponseBytes);
    } catch (error) {
      if (signal?.aborted || error instanceof ResponseTooLargeError) return new AttemptFailure(error);
      if (controller?.signal.aborted) return new AttemptFailure(new TimeoutError(request.timeout as number));
      const reason = error instanceof Error ? error.message : String(error);
      return new AttemptFailure(new NetworkError(`network error: ${reason}`, { cause: error }));
    }
    const { status } = response;
    hooks.onResponse?.({ method, url: request.url, status, headers: redactHeaders(response.headers, settings.secretHeaders), attempt });

    if (status === 304 && stale) {
      const merged = new Headers(stale.headers);
      for (const name of CONFIRMED_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) merged.set(name, value);
      }
      return runParse(request, stale.text, stale.status, merged, null, true);
    }
    if (!response.ok && status !== 304) return httpFailure(request, response, text);
    return runParse(request, text, status, response.headers, response.body, false);
  } catch (error) {
    // The limiter's wait was aborted, or `Request` refused the request.
    return new AttemptFailure(error);
  } finally {
    clearTimeout(timer);
    if (linked) relay.unlink(signal, controller);
    release?.();
  }
}

/** Decodes a body and hands it to the adapter's `parse`. */
function runParse<T>(
  request: PreparedRequest<T>,
  text: string,
  status: number,
  headers: Headers,
  stream: ReadableStream<Uint8Array> | null,
  revalidated: boolean,
): AttemptAnswer<T> | AttemptFailure {
  const { spec } = request;
  const type = spec.responseType ?? 'json';
  let body: unknown;
  try {
    body = type === 'stream' ? stream : decodeBody(text, headers.get('content-type'), type, status, request.method);
  } catch (error) {
    return new AttemptFailure(error);
  }
  try {
    const data = spec.parse(body, { status, headers });
    return { status, headers, text, data, parse: spec.parse, revalidated };
  } catch (error) {
    return new AttemptFailure(error, true);
  }
}

/** The error of a non-2xx answer: its status class, or what the adapter's `mapError` makes of its body. */
function httpFailure(request: PreparedRequest<unknown>, response: Response, text: string): AttemptFailure {
  const { spec } = request;
  let portalMessage: string | undefined;
  try {
    portalMessage = spec.errorMessage?.(decodeErrorBody(text));
  } catch {
    // A body the adapter cannot read still makes a readable HTTP error.
    portalMessage = undefined;
  }
  const httpError = createHttpError({
    request,
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    body: text,
    portalMessage,
    secrets: request.secrets,
  });
  let error: Error = httpError;
  try {
    error = spec.mapError?.(decodeErrorBody(text), httpError) ?? httpError;
  } catch {
    // A body the adapter cannot read keeps the plain HTTP error.
  }
  const retryAfter = error instanceof RateLimitError ? undefined : parseRetryAfter(response.headers.get('retry-after'));
  return new AttemptFailure(error, false, retryAfter);
}
