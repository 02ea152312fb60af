/** Where {@link collectSecrets} looks for secret values. */
export interface SecretSources {
  url: URL;
  headers: Headers;
  body: string | URLSearchParams | undefined;
  /** Exact values the caller declared secret. */
  secrets: readonly string[] | undefined;
  secretParams: readonly string[];
  secretHeaders: readonly string[];
}

// Values found by parameter name shorter than this are not hunted in free text: hiding every
// "1" or "ab" in a message would destroy it, and such values protect nothing.
const MIN_FOUND_LENGTH = 4;

const formBody = (body: string | URLSearchParams | undefined): URLSearchParams | undefined => {
  if (body instanceof URLSearchParams) return body;
  if (typeof body === 'string' && /^[^{[<\s][^\s]*=/.test(body)) return new URLSearchParams(body);
  return undefined;
};

/**
 * Every secret value of a request: the declared ones, the values of secret query and form
 * parameters, and secret header values (with and without their `Bearer`-style scheme). Error
 * text is scrubbed of these, wherever the portal echoes them.
 */
export function collectSecrets(sources: SecretSources): string[] {
  const found = new Set<string>();
  const params = new Set(sources.secretParams.map((name) => name.toLowerCase()));
  const headerNames = new Set(sources.secretHeaders.map((name) => name.toLowerCase()));
  const add = (value: string): void => {
    if (value.length < MIN_FOUND_LENGTH) return;
    found.add(value);
    // A portal that echoes the raw query shows the percent-encoded form.
    found.add(encodeURIComponent(value));
  };
  for (const list of [sources.url.searchParams, formBody(sources.body)]) {
    for (const [name, value] of list ?? []) if (params.has(name.toLowerCase())) add(value);
  }
  for (const [name, value] of sources.headers) {
    if (!headerNames.has(name)) continue;
    add(value);
    const credential = /^\S+\s+(\S.*)$/.exec(value)?.[1];
    if (credential) add(credential);
  }
  for (const secret of sources.secrets ?? []) {
    if (secret.length === 0) continue;
    found.add(secret);
    found.add(encodeURIComponent(secret));
  }
  return [...found];
}
