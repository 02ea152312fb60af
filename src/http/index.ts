export { createTransport } from './create-transport.js';
export type {
  CacheHitEvent,
  CacheOptions,
  FetchFunction,
  HttpMethod,
  RequestEvent,
  RequestSpec,
  ResponseEvent,
  ResponseMeta,
  RetryEvent,
  RetryOptions,
  Transport,
  TransportHooks,
  TransportOptions,
  TransportResponse,
} from './transport-types.js';
export type { RateLimitOptions } from './rate-limiter.js';
export type { ResponseType } from './decode-body.js';
export { redactUrl } from './redact-url.js';
export { redactHeaders } from './redact-headers.js';
export type { HeadersLike } from './redact-headers.js';
export { redactText } from './redact-text.js';
export type { RedactTextOptions } from './redact-text.js';
export { DEFAULT_SECRET_HEADERS, DEFAULT_SECRET_PARAMS, REDACTED } from './redaction-defaults.js';
export { fingerprint } from './fingerprint.js';
export { parseRetryAfter } from './parse-retry-after.js';
export { parseJsonSafely } from './parse-json-safely.js';
export { VERSION } from './version.js';
