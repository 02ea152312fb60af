// Wide East Asian ranges (Hangul Jamo, CJK, Hangul syllables, compatibility ideographs, full-width forms).
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal cells a text takes: Chinese characters take two, so columns of names still line up. */
export function displayWidth(text: string): number {
  let cells = 0;
  for (const char of text) cells += WIDE.test(char) ? 2 : 1;
  return cells;
}

/** Formats rows as aligned columns separated by two spaces, each line indented by two. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    `  ${header.map((_, column) => {
      const cell = cells[column] ?? '';
      return cell + ' '.repeat((widths[column] ?? 0) - displayWidth(cell));
    }).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
