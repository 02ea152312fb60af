/** The text that replaces every secret in URLs, headers, messages and logs. */
export const REDACTED = '[REDACTED]';

/**
 * Query parameter names whose values are always redacted (compared case-insensitively).
 * Covers the Zhejiang-style platforms (`appsecret`, `sign`, `requestSecret`, `refreshSecret`),
 * CKAN, Socrata and Opendatasoft credentials.
 */
export const DEFAULT_SECRET_PARAMS: readonly string[] = [
  'appsecret',
  'sign',
  'requestSecret',
  'refreshSecret',
  'token',
  'api_key',
  'apikey',
  'app_token',
  '$$app_token',
  'access_token',
  'key',
];

/** Header names whose values are always redacted (compared case-insensitively). */
export const DEFAULT_SECRET_HEADERS: readonly string[] = [
  'authorization',
  'x-app-token',
  'apikey',
  'x-api-key',
  'cookie',
];
