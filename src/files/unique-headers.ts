/**
 * Turns a header row into record keys: trimmed, blanks named `column_N` (one-based), repeats
 * suffixed `_2`, `_3`, … so no column silently overwrites another.
 */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell.trim() || `column_${index + 1}`;
    let key = base;
    for (let n = 2; seen.has(key); n++) key = `${base}_${n}`;
    seen.add(key);
    return key;
  });
}
