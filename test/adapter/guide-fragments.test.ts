import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const guide = readFileSync(new URL('docs/writing-an-adapter.md', root), 'utf8');

/** The guide's code blocks marked as fragments of an example file, with that file's path. */
const fragments = [...guide.matchAll(/```ts no-run: a fragment of (\S+)\n([\s\S]*?)```/g)].map((match) => ({ file: match[1] as string, code: match[2] as string }));

describe('docs/writing-an-adapter.md', () => {
  it('shows fragments of the tested example', () => {
    expect(fragments.length).toBeGreaterThanOrEqual(4);
  });

  // The example runs in the test suite; each fragment must be its code, line for line and in
  // order, so the guide can never drift from what runs. `// …` marks lines left out.
  it.each(fragments.map((fragment, index) => [index + 1, fragment] as const))('fragment %i is the code of its example file', (_, { file, code }) => {
    const source = readFileSync(new URL(file, root), 'utf8').split('\n').map((line) => line.trim());
    let at = 0;
    for (const line of code.split('\n').map((text) => text.trim())) {
      if (line === '' || line === '// …') continue;
      const found = source.indexOf(line, at);
      expect(found, `${file} has no line «${line}» after line ${at}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
