import type { DatasetDefinition, Row } from '../../../src/sandbox/data/dataset-definition.js';

export const NOW = new Date('2026-11-20T04:30:12Z');

/** The first `count` rows of a dataset for one seed. */
export function rows(definition: DatasetDefinition, count: number, seed = 1, now = NOW): Row[] {
  return Array.from({ length: count }, (_, index) => definition.row(seed, index, now));
}
