/** The delimiters {@link sniffDelimiter} chooses among. */
export type CsvDelimiter = ',' | ';' | '\t' | '|';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
const SAMPLE_LINES = 20;

/**
 * Guesses a CSV file's delimiter from its first lines: the candidate that appears on the header
 * line and the same number of times on the most following lines wins; ties go to the one seen
 * most often, then to the order `,` `;` tab `|`. Quoted text is ignored, so a `;` inside a
 * quoted address does not count.
 *
 * @example
 * ```ts
 * sniffDelimiter('名称;地址\n杭州;"西湖区;文三路"\n'); // ';'
 * ```
 */
export function sniffDelimiter(sample: string): CsvDelimiter {
  const lines = unquotedLines(sample);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  let bestTotal = -1;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => line.split(candidate).length - 1);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const score = counts.filter((count) => count === header).length;
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (score > bestScore || (score === bestScore && total > bestTotal)) {
      best = candidate;
      bestScore = score;
      bestTotal = total;
    }
  }
  return best;
}

// The sample's first lines with quoted sections removed; a line cut by the sample's end is dropped.
function unquotedLines(sample: string): string[] {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < sample.length && lines.length < SAMPLE_LINES; index++) {
    const char = sample[index] as string;
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n') {
      lines.push(current);
      current = '';
    } else current += char;
  }
  if (lines.length === 0 && !quoted) lines.push(current);
  return lines.filter((line) => line.trim() !== '');
}
