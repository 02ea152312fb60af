import type { RateLimitOptions } from './rate-limiter.js';
import type { ResponseType } from './decode-body.js';
import type { HttpError } from '../errors/http-error.js';

/** A fetch-compatible function: `globalThis.fetch`, the sandbox's `sandbox.fetch`, a test double. */
export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

/** HTTP methods the transport sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST';

/** Retry settings. Only GET and HEAD requests are ever retried. */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   * @default 3
   */
  retries?: number | undefined;
  /**
   * First backoff delay in ms; it doubles per retry, with jitter.
   * @default 300
   */
  minDelay?: number | undefined;
  /**
   * Longest backoff delay in ms.
   * @default 10_000
   */
  maxDelay?: number | undefined;
  /**
   * Longest `Retry-After` wait honoured, in ms. **Note:** when the portal asks for longer, the
   * transport does not wait: it throws a `RateLimitError` carrying `retryAfter` at once.
   * @default 60_000
   */
  maxRetryAfter?: number | undefined;
}

/** Response cache settings. */
export interface CacheOptions {
  /**
   * Most entries kept.
   * @default 500
   */
  max?: number | undefined;
  /**
   * How long an entry is fresh, in ms. Stale entries with an `ETag` or `Last-Modified` are kept
   * and revalidated with a conditional request.
   * @default 300_000
   */
  ttl?: number | undefined;
  /**
   * Most body characters kept across all entries (≈ bytes for ASCII JSON).
   * @default 52_428_800 (50 MB)
   */
  maxBytes?: number | undefined;
}

/** Given to `hooks.onRequest` before each attempt. URL and headers are redacted. */
export interface RequestEvent {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
}

/** Given to `hooks.onResponse` when an attempt gets an answer (before its body is checked). */
export interface ResponseEvent {
  method: HttpMethod;
  url: string;
  status: number;
  headers: Record<string, string>;
  attempt: number;
}

/** Given to `hooks.onRetry` before waiting for the next attempt. */
export interface RetryEvent {
  method: HttpMethod;
  url: string;
  /** The attempt that failed. */
  attempt: number;
  /** The error of that attempt, secrets redacted. */
  error: Error;
  /** How long the transport waits before the next attempt, in ms. */
  delay: number;
  retriesLeft: number;
}

/** Given to `hooks.onCacheHit` when an answer comes from the cache. */
export interface CacheHitEvent {
  method: HttpMethod;
  url: string;
  status: number;
  /** `true` when the portal confirmed the entry with `304 Not Modified`. */
  revalidated: boolean;
}

/** Lifecycle hooks; each receives one event object with redacted URL and headers. */
export interface TransportHooks {
  onRequest?: ((event: RequestEvent) => void) | undefined;
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  onCacheHit?: ((event: CacheHitEvent) => void) | undefined;
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /**
   * The fetch to send requests with, looked up on every request.
   * @default globalThis.fetch
   * @example
   * ```ts
   * createTransport({ fetch: createSandbox({ flavor: 'ckan' }).fetch });
   * ```
   */
  fetch?: FetchFunction | undefined;
  /**
   * Limit per attempt in ms (the caller's `signal` is the overall deadline); `false` disables.
   * @default 30_000
   */
  timeout?: number | false | undefined;
  /**
   * Retry settings, or `false` to never retry.
   * @default { retries: 3, minDelay: 300, maxDelay: 10_000, maxRetryAfter: 60_000 }
   */
  retry?: RetryOptions | false | undefined;
  /**
   * Response cache for GET requests, or `false` to disable it (and the de-duplication of
   * identical concurrent requests with it).
   * @default { max: 500, ttl: 300_000, maxBytes: 50 MB }
   */
  cache?: CacheOptions | false | undefined;
  /**
   * Request rate and concurrency limits of this transport, or `false` for none.
   * @default false
   */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /**
   * `User-Agent` header. Browsers ignore it (it is a forbidden header there).
   * @default `kaifang/<version>`
   */
  userAgent?: string | undefined;
  /**
   * Largest body read, in bytes; past it the read stops with `ResponseTooLargeError`.
   * @default 104_857_600 (100 MB)
   */
  maxResponseBytes?: number | undefined;
  /** Lifecycle hooks for logging and metrics. */
  hooks?: TransportHooks | undefined;
  /** Extra query parameter names to redact, added to `DEFAULT_SECRET_PARAMS`. */
  secretParams?: readonly string[] | undefined;
  /** Extra header names to redact, added to `DEFAULT_SECRET_HEADERS`. */
  secretHeaders?: readonly string[] | undefined;
  /**
   * A further redaction of text, applied after secret redaction to every URL, error message and
   * body excerpt the transport exposes in errors and hook events (e.g. masking personal data).
   * It never changes what is sent, nor cache keys.
   * @example createTransport({ redactText: maskPersonalText })
   */
  redactText?: ((text: string) => string) | undefined;
  /** Exact values to redact in every request (the portal's credentials), added to each request's `secrets`. */
  secrets?: readonly string[] | undefined;
  /** A short hash of the credentials (see `fingerprint`), so two identities never share cache entries. */
  credentialFingerprint?: string | undefined;
}

/** Status and headers of the answer, as given to `parse`. */
export interface ResponseMeta {
  status: number;
  headers: Headers;
}

/** One request, as an adapter describes it. */
export interface RequestSpec<T> {
  method: HttpMethod;
  /** Absolute `http:` or `https:` URL. */
  url: string;
  /** Appended to the URL's query; `undefined` values are skipped. */
  searchParams?: URLSearchParams | Record<string, string | number | boolean | undefined> | undefined;
  headers?: Record<string, string> | undefined;
  body?: string | URLSearchParams | undefined;
  /** Exact values to redact anywhere (e.g. a derived request secret). */
  secrets?: readonly string[] | undefined;
  /**
   * Checks the portal's envelope and returns the typed result. It runs inside each attempt, so
   * a drifted or HTML answer is retried like any transient fault; it may throw
   * `ResponseFormatError`, `PortalError`, `AuthError` or `RateLimitError`.
   * **Note:** with `responseType: 'json'`, `body` is `undefined` for HEAD, 204 and 304 answers.
   */
  parse: (body: unknown, response: ResponseMeta) => T;
  /** Pulls the portal's message out of an error body (parsed JSON, or text) for the error message. */
  errorMessage?: ((body: unknown) => string | undefined) | undefined;
  /**
   * Replaces the HTTP error of a non-2xx answer from its body (parsed JSON, or text), e.g. a
   * quota body that tells when the quota resets. The retry decision sees the replacement.
   */
  mapError?: ((body: unknown, error: HttpError) => Error | undefined) | undefined;
  /**
   * `json` parses the body (HTML and broken JSON become `ResponseFormatError`); `text` passes it as is;
   * `stream` passes the unread `ReadableStream` (or `null`) of a 2xx answer, never cached: only the
   * initial response is retried, and `parse` must cancel the stream if it refuses the answer.
   * @default 'json'
   */
  responseType?: ResponseType | 'stream' | undefined;
  /**
   * Whether to use the cache; `{ ttl }` overrides its freshness for this entry.
   * @default true for GET when the transport has a cache
   */
  cache?: boolean | { ttl: number } | undefined;
  /** Cancels the request, including retries and waits; rethrown as is. */
  signal?: AbortSignal | undefined;
  /** Overrides the transport's per-attempt timeout; `false` gives this request none. */
  timeout?: number | false | undefined;
  /** A short hash of the credentials (see `fingerprint`), so different credentials never share cache entries. */
  credentialFingerprint?: string | undefined;
}

/** What {@link Transport.request} resolves to. */
export interface TransportResponse<T> {
  /** What `parse` returned. */
  data: T;
  status: number;
  headers: Headers;
  /** The request URL, secrets redacted. */
  url: string;
  /** `true` when the body came from the cache (fresh, or confirmed by a 304). */
  fromCache: boolean;
  /** `true` when a stale entry was confirmed by a `304 Not Modified`. */
  revalidated: boolean;
}

/** Sends requests with timeout, retries, rate limiting and caching; knows no portal format. */
export interface Transport {
  /** Sends one request (with retries) and returns the parsed result. */
  request<T>(spec: RequestSpec<T>): Promise<TransportResponse<T>>;
  /** Forgets every cached response. */
  clearCache(): void;
}
