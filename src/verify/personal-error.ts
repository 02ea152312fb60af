import { mask } from '../ids/index.js';

/**
 * An error with a person's name (as given, or encoded in a request URL) and any resident ID or
 * phone number replaced by their masked forms, so a verdict about a person can carry its error
 * into logs. The class, code and fields are kept; the cause is cleaned the same way.
 */
export function maskPersonalError(error: Error, name: string | undefined): Error {
  const names = name === undefined || name.trim() === '' ? [] : variants(name);
  const clean = (text: string) => {
    let result = text;
    for (const [plain, masked] of names) result = result.split(plain).join(masked);
    return (mask.redact({ text: result }) as { text: string }).text;
  };
  return scrub(error, clean, 0);
}

function variants(name: string): [string, string][] {
  const masked = mask.name(name);
  const forms = new Set([name, name.trim(), encodeURIComponent(name), encodeURIComponent(name.trim()), new URLSearchParams({ n: name.trim() }).toString().slice(2)]);
  return [...forms].filter((form) => form !== '').map((form) => [form, form === name || form === name.trim() ? masked : encodeURIComponent(masked)]);
}

function scrub(error: Error, clean: (text: string) => string, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error & Record<string, unknown>;
  for (const key of Object.keys(error)) {
    const value = (error as unknown as Record<string, unknown>)[key];
    copy[key] = typeof value === 'string' ? clean(value) : isRequest(value) ? { ...value, url: clean(value.url) } : value;
  }
  Object.defineProperty(copy, 'message', { value: clean(error.message), writable: true, configurable: true });
  if (typeof error.stack === 'string') Object.defineProperty(copy, 'stack', { value: clean(error.stack), writable: true, configurable: true });
  if (error.cause !== undefined) {
    const cause = error.cause instanceof Error && depth < 3 ? scrub(error.cause, clean, depth + 1) : typeof error.cause === 'string' ? clean(error.cause) : undefined;
    Object.defineProperty(copy, 'cause', { value: cause, writable: true, configurable: true });
  }
  return copy;
}

function isRequest(value: unknown): value is { url: string } {
  return typeof value === 'object' && value !== null && typeof (value as { url?: unknown }).url === 'string';
}
