import { KaifangError, type RequestSummary } from '../errors/kaifang-error.js';
import { collectSecrets } from './collect-secrets.js';
import { redactText } from './redact-text.js';
import { redactUrl } from './redact-url.js';
import { DEFAULT_SECRET_HEADERS, DEFAULT_SECRET_PARAMS } from './redaction-defaults.js';
import type { HttpMethod, RequestSpec, TransportOptions } from './transport-types.js';
import { VERSION } from './version.js';

const METHODS: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'HEAD', 'POST']);
const DEFAULT_TIMEOUT = 30_000;

/** What every request of one transport shares, worked out once when the transport is made. */
export interface RequestDefaults {
  readonly secretParams: readonly string[];
  readonly secretHeaders: readonly string[];
  /** The portal's credentials, redacted in every request whether or not its spec names them. */
  readonly secrets: readonly string[];
  /** Headers of a request for JSON, lower-case names; never changed, only copied. */
  readonly jsonHeaders: Readonly<Record<string, string>>;
  /** Headers of any other request. */
  readonly otherHeaders: Readonly<Record<string, string>>;
  readonly timeout: number | false | undefined;
  readonly redactText: ((text: string) => string) | undefined;
}

/** Resolves the transport's options that every request needs. */
export function requestDefaults(options: TransportOptions): RequestDefaults {
  const otherHeaders: Record<string, string> = {};
  // `Headers` checks and lower-cases the names once here, not per request.
  for (const [name, value] of new Headers(options.headers)) otherHeaders[name] = value;
  otherHeaders['user-agent'] = options.userAgent ?? `kaifang/${VERSION}`;
  return {
    secretParams: [...DEFAULT_SECRET_PARAMS, ...(options.secretParams ?? [])],
    secretHeaders: [...DEFAULT_SECRET_HEADERS, ...(options.secretHeaders ?? [])],
    secrets: options.secrets ?? [],
    jsonHeaders: { ...otherHeaders, accept: 'application/json' },
    otherHeaders,
    timeout: options.timeout,
    redactText: options.redactText,
  };
}

const perAttemptTimeout = (value: number | false | undefined, fallback: number | false | undefined): number | false => {
  const timeout = value ?? fallback ?? DEFAULT_TIMEOUT;
  return timeout !== false && Number.isFinite(timeout) && timeout > 0 ? timeout : false;
};

/**
 * A request with everything resolved once and shared by all of its attempts: the URL with its
 * query, the headers, the body and the per-attempt timeout. Redaction is worked out only when
 * something shows the request (an error, a hook, a cache key): a page read never pays for it.
 * It is its own {@link RequestSummary}: `url` is the URL as errors show it.
 */
export class PreparedRequest<T> implements RequestSummary {
  readonly spec: RequestSpec<T>;
  readonly method: HttpMethod;
  /** The URL sent, secrets included. */
  readonly href: string;
  /** Lower-case names; shared with other requests unless this one adds its own, so never changed. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | URLSearchParams | undefined;
  /** Per-attempt limit in ms, or `false` for none. */
  readonly timeout: number | false;
  readonly #defaults: RequestDefaults;
  readonly #url: URL;
  #secrets: string[] | undefined;
  #keyUrl: string | undefined;
  #shownUrl: string | undefined;

  /** @throws KaifangError `INVALID_REQUEST` for a method or URL the transport does not send. */
  constructor(spec: RequestSpec<T>, defaults: RequestDefaults) {
    const method = String(spec.method).toUpperCase();
    // Only an error shows the URL as given; a page read never pays for redacting it.
    const shownUrl = (): string => redactText(redactUrl(String(spec.url), defaults.secretParams), { secrets: [...defaults.secrets, ...(spec.secrets ?? [])] });
    if (!METHODS.has(method)) {
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
    appendSearchParams(url, spec.searchParams);
    this.spec = spec;
    this.method = method as HttpMethod;
    this.href = url.href;
    this.#url = url;
    this.#defaults = defaults;
    this.body = method === 'POST' ? spec.body : undefined;
    this.timeout = perAttemptTimeout(spec.timeout, defaults.timeout);
    const base = (spec.responseType ?? 'json') === 'json' ? defaults.jsonHeaders : defaults.otherHeaders;
    this.headers = spec.headers ? withHeaders(base, spec.headers) : base;
  }

  /** The URL as errors and hooks show it: secrets redacted, then the transport's `redactText`. */
  get url(): string {
    if (this.#shownUrl === undefined) {
      const extra = this.#defaults.redactText;
      this.#shownUrl = extra ? extra(this.keyUrl) : this.keyUrl;
    }
    return this.#shownUrl;
  }

  /**
   * The URL with secrets redacted, for cache keys. It keeps what `redactText` would hide (e.g. a
   * name masked to 张*): two callers must never share an answer.
   */
  get keyUrl(): string {
    return (this.#keyUrl ??= this.#redactSecrets(redactUrl(this.href, this.#defaults.secretParams)));
  }

  /** Every secret value this request carries (see `collectSecrets`). */
  get secrets(): string[] {
    // `Headers` normalises the values as they are sent, so the secrets found are the ones sent.
    return (this.#secrets ??= collectSecrets({
      url: this.#url,
      headers: new Headers(this.headers),
      body: this.body,
      secrets: this.spec.secrets ? [...this.#defaults.secrets, ...this.spec.secrets] : this.#defaults.secrets,
      secretParams: this.#defaults.secretParams,
      secretHeaders: this.#defaults.secretHeaders,
    }));
  }

  /** Hides this request's secrets in `text`, then applies the transport's `redactText`. */
  redact(text: string): string {
    const clean = this.#redactSecrets(text);
    const extra = this.#defaults.redactText;
    return extra ? extra(clean) : clean;
  }

  #redactSecrets(text: string): string {
    return redactText(text, { secretParams: this.#defaults.secretParams, secrets: this.secrets });
  }
}

/** Adds `params` to the query; `undefined` values are skipped. */
function appendSearchParams(url: URL, params: RequestSpec<unknown>['searchParams']): void {
  if (!params) return;
  // A URL without a query gets the whole query at once; one with a query is added to in place.
  const target = url.search === '' ? new URLSearchParams() : url.searchParams;
  if (params instanceof URLSearchParams) {
    for (const [name, value] of params) target.append(name, value);
  } else {
    for (const name of Object.keys(params)) {
      const value = params[name];
      if (value !== undefined) target.append(name, String(value));
    }
  }
  if (target === url.searchParams) return;
  const query = target.toString();
  if (query !== '') url.search = query;
}

/** `base` with `extra` set over it, names lower-cased as `Headers` would. */
function withHeaders(base: Readonly<Record<string, string>>, extra: Record<string, string>): Record<string, string> {
  const headers = { ...base };
  for (const name of Object.keys(extra)) headers[name.toLowerCase()] = extra[name] as string;
  return headers;
}
