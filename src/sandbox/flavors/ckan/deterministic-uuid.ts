/**
 * A UUID derived from the sandbox seed and a name, shaped like a name-based (version 5) UUID:
 * the same seed and slug always give the same package and resource ids, as on a real site
 * where ids never change.
 */
export function deterministicUuid(seed: number, name: string): string {
  const input = `${seed}\u0000${name}`;
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((salt) => mix(input, salt));
  const hex = words.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** FNV-1a over UTF-16 code units with a murmur-style finaliser, salted per output word. */
function mix(input: string, salt: number): number {
  let h = (2166136261 ^ salt) >>> 0;
  for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
