import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';

interface ColumnIndex {
  /** `updatedAt` of the dataset when the index was built: every mutation bumps it, so a change means rebuild. */
  readonly builtAt: number;
  /** Position of each value; `-1` marks a value held by more than one row. */
  readonly positions: Map<string, number>;
}

/**
 * The visible position of the row whose column equals `value`, `'ambiguous'` when several rows
 * hold it, or undefined. The index is built on first use (one scan) and rebuilt after any
 * mutation, so repeated lookups cost O(1).
 */
export function positionByValue(context: SandboxContext, state: DatasetState, column: string, value: string): number | 'ambiguous' | undefined {
  const key = `zhejiang.index:${state.id}:${column}`;
  let index = context.state.get(key) as ColumnIndex | undefined;
  if (!index || index.builtAt !== state.updatedAt.getTime()) {
    const positions = new Map<string, number>();
    let position = 0;
    for (const row of state.rows()) {
      const cell = row[column];
      if (cell !== null && cell !== undefined) positions.set(String(cell), positions.has(String(cell)) ? -1 : position);
      position++;
    }
    index = { builtAt: state.updatedAt.getTime(), positions };
    context.state.set(key, index);
  }
  const position = index.positions.get(value);
  return position === -1 ? 'ambiguous' : position;
}
