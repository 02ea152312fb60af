const dropProtoKeys = (key: string, value: unknown): unknown => (key === '__proto__' ? undefined : value);

/**
 * `JSON.parse` that drops every `__proto__` key, so a row copied or merged later can never
 * change an object's prototype. `constructor` and `prototype` keys are kept: as own data
 * properties of a parsed object they are harmless and may be real column names.
 * Throws `SyntaxError` like `JSON.parse`.
 */
export function parseJsonSafely(text: string): unknown {
  // The reviver costs time on large pages; it is only needed when a `__proto__` key can occur,
  // literally or spelled with `\u` escapes.
  if (!text.includes('__proto__') && !text.includes('\\u')) return JSON.parse(text);
  return JSON.parse(text, dropProtoKeys);
}
