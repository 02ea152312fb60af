import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const graph = importGraph(ROOT, 'src');

/** The engine: what sits above the adapters in DESIGN.md's architecture. */
const ENGINE = ['src/records/', 'src/sync/', 'src/verify/', 'src/download/', 'src/aggregate/', 'src/catalog.ts', 'src/datasets.ts', 'src/client.ts'];
const isEngine = (file: string): boolean => ENGINE.some((part) => (part.endsWith('/') ? file.startsWith(part) : file === part));

describe('the import graph of src/', () => {
  it('is read from the source files', () => {
    // A guard against a regex or path change that silently finds nothing.
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/portals/ckan/ckan-adapter.ts')).toContain('src/portals/portal-adapter.ts');
  });

  it('has no import cycle, type-only imports included', () => {
    const cycles = importCycles(graph).map((cycle) => cycle.join(' → '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('has no adapter that imports from the engine', () => {
    const offending = [...graph].flatMap(([file, targets]) => (file.startsWith('src/portals/') ? targets.filter(isEngine).map((target) => `${file} → ${target}`) : []));
    expect(offending, `adapters importing the engine:\n${offending.join('\n')}`).toEqual([]);
  });
});

describe('importCycles', () => {
  it('finds a two-file cycle and names both files', () => {
    const cycles = importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts', 'c.ts']], ['c.ts', []]]));
    expect(cycles).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });

  it('finds a longer cycle and a file that imports itself', () => {
    const cycles = importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['d.ts']]]));
    expect(cycles).toEqual(expect.arrayContaining([['a.ts', 'b.ts', 'c.ts', 'a.ts'], ['d.ts', 'd.ts']]));
    expect(cycles).toHaveLength(2);
  });

  it('finds nothing in a graph without cycles', () => {
    expect(importCycles(new Map([['a.ts', ['b.ts', 'c.ts']], ['b.ts', ['c.ts']], ['c.ts', []]]))).toEqual([]);
  });
});
