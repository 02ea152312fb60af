import ky from 'ky';
import pRetry, { AbortError as StopRetrying } from 'p-retry';
import { createHttpError } from '../errors/create-http-error.js';
import { KaifangError, type RequestInfo } from '../errors/kaifang-error.js';
import { NetworkError } from '../errors/network-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { abortableSleep } from './abortable-sleep.js';
import { collectSecrets } from './collect-secrets.js';
import { decodeBody, decodeErrorBody } from './decode-body.js';
import { fingerprint } from './fingerprint.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { RateLimiter } from './rate-limiter.js';
import { readBody } from './read-body.js';
import { redactHeaders } from './redact-headers.js';
import { redactText } from './redact-text.js';
import { redactUrl } from './redact-url.js';
import { DEFAULT_SECRET_HEADERS, DEFAULT_SECRET_PARAMS } from './redaction-defaults.js';
import { ResponseCache, type CachedResponse } from './response-cache.js';
import { decideRetry, resolveRetryPolicy } from './retry-policy.js';
import { scrubError } from './scrub-error.js';
import type {
  HttpMethod,
  RequestSpec,
  Transport,
  TransportOptions,
  TransportResponse,
} from './transport-types.js';
import { VERSION } from './version.js';

const METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST'];
const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

/** A request with everything resolved once, shared by all of its attempts. */
interface PreparedRequest<T> {
  spec: RequestSpec<T>;
  method: HttpMethod;
  url: string;
  headers: Headers;
  body: string | URLSearchParams | undefined;
  info: RequestInfo;
  timeout: number | false;
  redact: (text: string) => string;
  /** The URL with secrets redacted, for the cache key. */
  keyUrl: () => string;
  secrets: string[];
}

/** The outcome of a successful run (one or more attempts). */
interface RunResult<T> {
  status: number;
  headers: Headers;
  text: string;
  data: T;
  parse: RequestSpec<T>['parse'];
  revalidated: boolean;
}

/** One network request that several identical callers wait for. */
interface SharedRun {
  promise: Promise<RunResult<unknown>>;
  controller: AbortController;
  waiters: number;
}

const asAbortError = (reason: unknown): Error =>
  reason instanceof Error ? reason : new DOMException(typeof reason === 'string' ? reason : 'This operation was aborted', 'AbortError');

const cacheEntryOf = (result: { status: number; headers: Headers; text: string }): CachedResponse => ({
  text: result.text,
  status: result.status,
  headers: [...result.headers].filter(([name]) => name !== 'set-cookie'),
  etag: result.headers.get('etag') ?? undefined,
  lastModified: result.headers.get('last-modified') ?? undefined,
});

/** A request's answer whose redacted `url` is worked out only if someone reads it: a page read never does. */
const answer = <T>(info: RequestInfo, fields: Omit<TransportResponse<T>, 'url'>): TransportResponse<T> => ({
  ...fields,
  get url() {
    return info.url;
  },
});

/** Waits for `promise`, but rejects with the signal's own reason as soon as it aborts. */
const untilAborted = <T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> => {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort?.();
      reject(signal.reason);
    };
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
};

/**
 * Creates the HTTP layer every portal adapter sends through: ky for the request, p-retry as
 * the only retry layer (GET/HEAD only), a per-attempt timeout, an optional rate limiter, an
 * LRU response cache with ETag/Last-Modified revalidation and de-duplication of identical
 * concurrent GETs, byte-limited body reading, and secret redaction in every error and hook.
 * Nothing is shared between two transports.
 *
 * @example
 * ```ts
 * const transport = createTransport({ fetch: sandbox.fetch, retry: { retries: 2 } });
 * const { data } = await transport.request({
 *   method: 'GET',
 *   url: 'https://ckan.example.org/api/3/action/package_show',
 *   searchParams: { id: 'hz-parking-lots' },
 *   parse: (body) => PackageShowEnvelope.parse(body).result,
 * });
 * ```
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const secretParams = [...DEFAULT_SECRET_PARAMS, ...(options.secretParams ?? [])];
  const secretHeaders = [...DEFAULT_SECRET_HEADERS, ...(options.secretHeaders ?? [])];
  const retryPolicy = resolveRetryPolicy(options.retry);
  const cache = options.cache === false ? undefined : new ResponseCache(options.cache ?? {});
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const clientSecrets = options.secrets ?? [];
  const secretsOf = (spec: RequestSpec<unknown>): readonly string[] | undefined =>
    clientSecrets.length === 0 ? spec.secrets : spec.secrets?.length ? [...clientSecrets, ...spec.secrets] : clientSecrets;
  const hooks = options.hooks ?? {};
  const inFlight = new Map<string, SharedRun>();
  // Errors thrown by an adapter's `parse`, and Retry-After hints of non-429 answers: facts the
  // retry decision needs that the error objects do not carry.
  const parseErrors = new WeakSet<object>();
  const retryAfterHints = new WeakMap<object, number>();

  // The fetch is looked up per request so a test or a polyfill installed later is honoured.
  const http = ky.create({
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    fetch: (input, init) => {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      return fetchImpl(input instanceof Request ? input : new Request(input, init), init);
    },
  });

  const resolveTimeout = (value: number | false | undefined): number | false => {
    const timeout = value ?? options.timeout ?? DEFAULT_TIMEOUT;
    return timeout !== false && Number.isFinite(timeout) && timeout > 0 ? timeout : false;
  };

  function prepare<T>(spec: RequestSpec<T>): PreparedRequest<T> {
    const method = String(spec.method).toUpperCase() as HttpMethod;
    // Only an error shows the URL as given; a page read never pays for redacting it.
    const shownUrl = (): string => redactText(redactUrl(String(spec.url), secretParams), { secrets: secretsOf(spec) ?? [] });
    if (!METHODS.includes(method)) {
      throw new KaifangError(`unsupported method ${String(spec.method)} for ${shownUrl()}`, 'INVALID_REQUEST');
    }
    let url: URL;
    try {
      url = new URL(spec.url);
    } catch {
      throw new KaifangError(`invalid request URL: ${shownUrl()}`, 'INVALID_REQUEST');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new KaifangError(`unsupported URL protocol ${url.protocol} in ${shownUrl()}`, 'INVALID_REQUEST');
    }
    const params = spec.searchParams;
    if (params instanceof URLSearchParams) {
      for (const [name, value] of params) url.searchParams.append(name, value);
    } else if (params) {
      for (const [name, value] of Object.entries(params)) {
        if (value !== undefined) url.searchParams.append(name, String(value));
      }
    }
    const headers = new Headers(options.headers);
    headers.set('user-agent', options.userAgent ?? `kaifang/${VERSION}`);
    if ((spec.responseType ?? 'json') === 'json') headers.set('accept', 'application/json');
    for (const [name, value] of Object.entries(spec.headers ?? {})) headers.set(name, value);
    const body = method === 'POST' ? spec.body : undefined;
    const secrets = collectSecrets({ url, headers, body, secrets: secretsOf(spec), secretParams, secretHeaders });
    const redactSecrets = (text: string): string => redactText(text, { secretParams, secrets });
    const extra = options.redactText;
    const redact = extra ? (text: string): string => extra(redactSecrets(text)) : redactSecrets;
    const href = url.href;
    // The redacted URL is worked out on first use (a cache key, a hook, an error), not per page read.
    // The cache key keeps what `redactText` would hide (e.g. a name masked to 张*): two callers must never share an answer.
    let keyUrl: string | undefined;
    let shown: string | undefined;
    const redactedKeyUrl = (): string => (keyUrl ??= redactSecrets(redactUrl(href, secretParams)));
    const info: RequestInfo = {
      method,
      get url() {
        return (shown ??= extra ? extra(redactedKeyUrl()) : redactedKeyUrl());
      },
    };
    return { spec, method, url: href, headers, body, info, keyUrl: redactedKeyUrl, timeout: resolveTimeout(spec.timeout), redact, secrets };
  }

  /** One attempt: wait for the limiter, send, read the body, check the status, run `parse`. */
  async function attempt<T>(
    request: PreparedRequest<T>,
    attemptNumber: number,
    signal: AbortSignal | undefined,
    stale: CachedResponse | undefined,
  ): Promise<RunResult<T>> {
    const { spec, method, info } = request;
    const timeoutController = request.timeout === false ? undefined : new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let release: (() => void) | undefined;
    try {
      release = await limiter?.acquire(signal);
      const signals = [signal, timeoutController?.signal].filter((s): s is AbortSignal => s !== undefined);
      // A timer cleared when the attempt ends (rather than AbortSignal.timeout) leaves nothing running.
      if (timeoutController) {
        timer = setTimeout(() => timeoutController.abort(new DOMException('attempt timed out', 'TimeoutError')), request.timeout as number);
      }
      let headers = request.headers;
      if (stale?.etag !== undefined || stale?.lastModified !== undefined) {
        headers = new Headers(headers);
        if (stale.etag !== undefined) headers.set('if-none-match', stale.etag);
        if (stale.lastModified !== undefined) headers.set('if-modified-since', stale.lastModified);
      }
      hooks.onRequest?.({ method, url: info.url, headers: redactHeaders(headers, secretHeaders), attempt: attemptNumber });

      let response: Response;
      let text: string;
      try {
        response = await http(request.url, {
          method,
          headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          ...(signals.length === 0 ? {} : { signal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) }),
        });
        // A stream answer's body is handed to `parse` unread; an error answer is read as usual.
        text = method === 'HEAD' || (spec.responseType === 'stream' && response.ok) ? '' : await readBody(response, maxResponseBytes);
      } catch (error) {
        if (signal?.aborted || error instanceof ResponseTooLargeError) throw error;
        if (timeoutController?.signal.aborted) throw new TimeoutError(request.timeout as number);
        const reason = error instanceof Error ? error.message : String(error);
        throw new NetworkError(`network error: ${reason}`, { cause: error });
      }
      const { status, headers: responseHeaders } = response;
      hooks.onResponse?.({ method, url: info.url, status, headers: redactHeaders(responseHeaders, secretHeaders), attempt: attemptNumber });

      if (status === 304 && stale) {
        const merged = new Headers(stale.headers);
        for (const name of ['etag', 'last-modified', 'cache-control', 'expires', 'date']) {
          const value = responseHeaders.get(name);
          if (value !== null) merged.set(name, value);
        }
        const data = runParse(request, stale.text, stale.status, merged);
        return { status: stale.status, headers: merged, text: stale.text, data, parse: spec.parse, revalidated: true };
      }
      if (!response.ok && status !== 304) {
        let portalMessage: string | undefined;
        try {
          portalMessage = spec.errorMessage?.(decodeErrorBody(text));
        } catch {
          // A body the adapter cannot read still makes a readable HTTP error.
          portalMessage = undefined;
        }
        const httpError = createHttpError({
          request: info,
          status,
          statusText: response.statusText,
          headers: responseHeaders,
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
        const hint = parseRetryAfter(responseHeaders.get('retry-after'));
        if (hint !== undefined && !(error instanceof RateLimitError)) retryAfterHints.set(error, hint);
        throw error;
      }
      const data = runParse(request, text, status, responseHeaders, response.body);
      return { status, headers: responseHeaders, text, data, parse: spec.parse, revalidated: false };
    } catch (error) {
      if (signal?.aborted) throw new StopRetrying(asAbortError(signal.reason));
      throw scrubError(error, info, request.redact);
    } finally {
      clearTimeout(timer);
      release?.();
    }
  }

  /** Decodes a body and hands it to the adapter's `parse`, remembering what `parse` threw. */
  function runParse<T>(request: PreparedRequest<T>, text: string, status: number, headers: Headers, stream?: ReadableStream<Uint8Array> | null): T {
    const type = request.spec.responseType ?? 'json';
    const body = type === 'stream' ? stream ?? null : decodeBody(text, headers.get('content-type'), type, status, request.method);
    try {
      return request.spec.parse(body, { status, headers });
    } catch (error) {
      if (typeof error === 'object' && error !== null) parseErrors.add(error);
      throw error;
    }
  }

  /** All attempts of one request under the single retry layer. */
  function run<T>(request: PreparedRequest<T>, signal: AbortSignal | undefined, stale: CachedResponse | undefined): Promise<RunResult<T>> {
    const retries = retryPolicy && (request.method === 'GET' || request.method === 'HEAD') ? retryPolicy.retries : 0;
    return pRetry((attemptNumber) => attempt(request, attemptNumber, signal, stale), {
      retries,
      // p-retry's own backoff is switched off: shouldRetry waits, so Retry-After can replace it.
      minTimeout: 0,
      factor: 1,
      signal,
      shouldRetry: async ({ error, attemptNumber, retriesConsumed, retriesLeft }) => {
        if (!retryPolicy) return false;
        const decision = decideRetry(
          error,
          { retriesConsumed, fromParse: parseErrors.has(error), retryAfter: retryAfterHints.get(error) },
          retryPolicy,
        );
        if (!decision.retry) return false;
        hooks.onRetry?.({ method: request.method, url: request.info.url, attempt: attemptNumber, error, delay: decision.delay, retriesLeft });
        await abortableSleep(decision.delay, signal);
        return true;
      },
    });
  }

  /** Runs a cached body through this caller's `parse`, with errors made safe like any other. */
  function parseStored<T>(request: PreparedRequest<T>, entry: { text: string; status: number; headers: Headers }): T {
    try {
      return runParse(request, entry.text, entry.status, entry.headers);
    } catch (error) {
      throw scrubError(error, request.info, request.redact);
    }
  }

  function startSharedRun<T>(key: string, request: PreparedRequest<T>, stale: CachedResponse | undefined, ttl: number | undefined): SharedRun {
    const controller = new AbortController();
    const promise = run(request, controller.signal, stale).then(async (result) => {
      const noStore = /\bno-store\b/i.test(result.headers.get('cache-control') ?? '');
      if (result.status >= 200 && result.status < 300 && !noStore) await cache?.store(key, cacheEntryOf(result), ttl);
      return result;
    });
    const shared: SharedRun = { promise, controller, waiters: 0 };
    const forget = (): void => {
      if (inFlight.get(key) === shared) inFlight.delete(key);
    };
    // Callers get the outcome through `join`; this branch only cleans up.
    promise.then(forget, forget);
    inFlight.set(key, shared);
    return shared;
  }

  /** Waits for a shared run; the run is cancelled only when every waiting caller has aborted. */
  function join(key: string, shared: SharedRun, signal: AbortSignal | undefined): Promise<RunResult<unknown>> {
    shared.waiters += 1;
    return untilAborted(shared.promise, signal, () => {
      shared.waiters -= 1;
      if (shared.waiters > 0) return;
      if (inFlight.get(key) === shared) inFlight.delete(key);
      shared.controller.abort(signal?.reason);
    });
  }

  async function request<T>(spec: RequestSpec<T>): Promise<TransportResponse<T>> {
    spec.signal?.throwIfAborted();
    // Everything below listens on a signal of this request's own: the caller's signal, shared by
    // every page of a read or every item of a batch, never collects a listener per request.
    const signal = spec.signal ? AbortSignal.any([spec.signal]) : undefined;
    const prepared = prepare(spec);
    const { method, info } = prepared;
    const wantsCache = spec.cache === undefined ? method === 'GET' : spec.cache !== false;
    if (!cache || method === 'HEAD' || !wantsCache || spec.responseType === 'stream') {
      const result = await untilAborted(run(prepared, signal, undefined), signal);
      return answer(info, { data: result.data, status: result.status, headers: result.headers, fromCache: false, revalidated: false });
    }

    const bodyText = prepared.body === undefined ? '' : String(prepared.body);
    const key = [method, prepared.keyUrl(), fingerprint(bodyText), spec.credentialFingerprint ?? options.credentialFingerprint ?? ''].join(' ');
    const ttl = typeof spec.cache === 'object' ? spec.cache.ttl : undefined;
    // The first lookup waits for lru-cache to load; identical callers meet in `inFlight` after it.
    const { fresh, stale } = await cache.lookup(key, ttl);
    spec.signal?.throwIfAborted();
    if (fresh) {
      hooks.onCacheHit?.({ method, url: info.url, status: fresh.status, revalidated: false });
      const headers = new Headers(fresh.headers);
      const data = parseStored(prepared, { text: fresh.text, status: fresh.status, headers });
      return answer(info, { data, status: fresh.status, headers, fromCache: true, revalidated: false });
    }

    const shared = inFlight.get(key) ?? startSharedRun(key, prepared, stale, ttl);
    const result = await join(key, shared, signal);
    if (result.revalidated) hooks.onCacheHit?.({ method, url: info.url, status: result.status, revalidated: true });
    // The first caller's parse already ran inside the attempt; an identical caller with another parse runs its own.
    const data = result.parse === spec.parse ? (result.data as T) : parseStored(prepared, result);
    return answer(info, { data, status: result.status, headers: result.headers, fromCache: result.revalidated, revalidated: result.revalidated });
  }

  return {
    request,
    clearCache: () => cache?.clear(),
  };
}
