import { textOf } from '../lenient-metadata.js';

/**
 * The update frequency among a dataset's custom metadata: the first non-empty value under a key
 * about frequency (`Dataset-Information_Update-Frequency`, `Frequency`, `Freqüència…`). Sites
 * leave the field empty (`"Frequency": ""`) where nobody filled it in: that states nothing.
 */
export function frequencyOf(entries: Iterable<readonly [string, unknown]>): string | undefined {
  for (const [key, value] of entries) {
    const text = textOf(value);
    if (/freq/i.test(key) && text !== undefined) return text;
  }
  return undefined;
}
