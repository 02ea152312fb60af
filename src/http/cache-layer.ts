import type { AbortRelay } from './abort-relay.js';
import { decodeBody } from './decode-body.js';
import { fingerprint } from './fingerprint.js';
import type { PreparedRequest } from './prepare-request.js';
import { ResponseCache, type CachedResponse } from './response-cache.js';
import { scrubError } from './scrub-error.js';
import type { AttemptAnswer } from './send-attempt.js';
import { transportResponse } from './transport-response.js';
import type { CacheOptions, TransportHooks, TransportResponse } from './transport-types.js';

/** Sends a request with its retries; `stale` asks the portal to confirm a stored answer with a 304. */
export type SendRequest = <T>(request: PreparedRequest<T>, signal: AbortSignal, stale: CachedResponse | undefined) => Promise<AttemptAnswer<T>>;

/** One network request that several identical callers wait for. */
interface SharedRun {
  promise: Promise<AttemptAnswer<unknown>>;
  controller: AbortController;
  waiters: number;
}

const cacheEntryOf = (answer: AttemptAnswer<unknown>): CachedResponse => ({
  text: answer.text,
  status: answer.status,
  headers: [...answer.headers].filter(([name]) => name !== 'set-cookie'),
  etag: answer.headers.get('etag') ?? undefined,
  lastModified: answer.headers.get('last-modified') ?? undefined,
});

/** Waits for `promise`, but rejects with the signal's own reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, relay: AbortRelay, onAbort: () => void): Promise<T> {
  if (!signal) return promise;
  // The listener goes on a controller of this call's own: many cached calls may share the caller's signal.
  const own = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort();
      reject(own.signal.reason);
    };
    own.signal.addEventListener('abort', abort, { once: true });
    relay.link(signal, own);
    const settle = (): void => {
      relay.unlink(signal, own);
      own.signal.removeEventListener('abort', abort);
    };
    promise.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}

/**
 * The transport's response cache in front of the retry loop: a fresh entry answers at once, a
 * stale one with `ETag` or `Last-Modified` is revalidated with a conditional request (a 304
 * reuses it), and identical concurrent requests share one network request, which is cancelled
 * only when every caller waiting for it has aborted. `parse` runs again on every hit.
 */
export class CacheLayer {
  readonly #cache: ResponseCache;
  readonly #send: SendRequest;
  readonly #hooks: TransportHooks;
  readonly #credentialFingerprint: string;
  readonly #relay: AbortRelay;
  readonly #inFlight = new Map<string, SharedRun>();

  constructor(options: CacheOptions, send: SendRequest, hooks: TransportHooks, relay: AbortRelay, credentialFingerprint: string | undefined) {
    this.#cache = new ResponseCache(options);
    this.#relay = relay;
    this.#send = send;
    this.#hooks = hooks;
    this.#credentialFingerprint = credentialFingerprint ?? '';
  }

  /** Whether `request` goes through the cache: a GET (or a request that asks for it), never a HEAD or a stream. */
  accepts(request: PreparedRequest<unknown>): boolean {
    const { spec, method } = request;
    const wanted = spec.cache === undefined ? method === 'GET' : spec.cache !== false;
    return wanted && method !== 'HEAD' && spec.responseType !== 'stream';
  }

  async request<T>(request: PreparedRequest<T>): Promise<TransportResponse<T>> {
    const { spec, method } = request;
    const body = request.body === undefined ? '' : String(request.body);
    const key = [method, request.keyUrl, fingerprint(body), spec.credentialFingerprint ?? this.#credentialFingerprint].join(' ');
    const ttl = typeof spec.cache === 'object' ? spec.cache.ttl : undefined;
    // The first lookup waits for lru-cache to load; identical callers meet in `#inFlight` after it.
    const { fresh, stale } = await this.#cache.lookup(key, ttl);
    spec.signal?.throwIfAborted();
    if (fresh) {
      this.#hooks.onCacheHit?.({ method, url: request.url, status: fresh.status, revalidated: false });
      const headers = new Headers(fresh.headers);
      const data = parseStored(request, fresh.text, fresh.status, headers);
      return transportResponse(request, { data, status: fresh.status, headers }, true, false);
    }
    const shared = this.#inFlight.get(key) ?? this.#start(key, request, stale, ttl);
    const answer = await this.#join(key, shared, spec.signal);
    if (answer.revalidated) this.#hooks.onCacheHit?.({ method, url: request.url, status: answer.status, revalidated: true });
    // The first caller's parse already ran inside the attempt; an identical caller with another parse runs its own.
    const data = answer.parse === spec.parse ? (answer.data as T) : parseStored(request, answer.text, answer.status, answer.headers);
    return transportResponse(request, { data, status: answer.status, headers: answer.headers }, answer.revalidated, answer.revalidated);
  }

  /** Forgets every cached response. */
  clear(): void {
    this.#cache.clear();
  }

  #start<T>(key: string, request: PreparedRequest<T>, stale: CachedResponse | undefined, ttl: number | undefined): SharedRun {
    const controller = new AbortController();
    const promise = this.#send(request, controller.signal, stale).then(async (answer) => {
      const noStore = /\bno-store\b/i.test(answer.headers.get('cache-control') ?? '');
      if (answer.status >= 200 && answer.status < 300 && !noStore) await this.#cache.store(key, cacheEntryOf(answer), ttl);
      return answer;
    });
    const shared: SharedRun = { promise, controller, waiters: 0 };
    const forget = (): void => {
      if (this.#inFlight.get(key) === shared) this.#inFlight.delete(key);
    };
    // Callers get the outcome through `#join`; this branch only cleans up.
    promise.then(forget, forget);
    this.#inFlight.set(key, shared);
    return shared;
  }

  /** Waits for a shared run; the run is cancelled only when every waiting caller has aborted. */
  #join(key: string, shared: SharedRun, signal: AbortSignal | undefined): Promise<AttemptAnswer<unknown>> {
    shared.waiters += 1;
    return untilAborted(shared.promise, signal, this.#relay, () => {
      shared.waiters -= 1;
      if (shared.waiters > 0) return;
      if (this.#inFlight.get(key) === shared) this.#inFlight.delete(key);
      shared.controller.abort(signal?.reason);
    });
  }
}

/** Runs a stored body through this caller's `parse`, with errors made safe like any other. */
function parseStored<T>(request: PreparedRequest<T>, text: string, status: number, headers: Headers): T {
  const { spec } = request;
  try {
    // A stream answer is never stored, so a stored body is JSON or text.
    const body = decodeBody(text, headers.get('content-type'), spec.responseType === 'text' ? 'text' : 'json', status, request.method);
    return spec.parse(body, { status, headers });
  } catch (error) {
    throw scrubError(error, request, (value) => request.redact(value));
  }
}
