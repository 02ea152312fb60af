import { businessLicenses } from './business-licenses.js';
import type { DatasetDefinition } from './dataset-definition.js';
import { foodLicenses } from './food-licenses.js';
import { medicalPractitioners } from './medical-practitioners.js';
import { parkingLots } from './parking-lots.js';
import { publicFacilityDataset } from './public-facilities.js';

/** Options of {@link datasetDefinitions}. */
export interface DatasetDefinitionsOptions {
  /**
   * How many long-tail public-facility datasets to add after the four core ones
   * (deterministic by their index). Negative or fractional values are clamped to a whole
   * number ≥ 0.
   */
  readonly extra: number;
}

/**
 * Every dataset the sandbox serves: `hz-parking-lots`, `nb-business-licenses`,
 * `nb-food-licenses`, `zj-medical-practitioners`, then `extra` long-tail datasets.
 * @example datasetDefinitions({ extra: 40 }).length // 44
 */
export function datasetDefinitions(options: DatasetDefinitionsOptions): DatasetDefinition[] {
  const extra = Number.isFinite(options.extra) ? Math.max(0, Math.floor(options.extra)) : 0;
  const definitions: DatasetDefinition[] = [parkingLots, businessLicenses, foodLicenses, medicalPractitioners];
  for (let i = 0; i < extra; i++) definitions.push(publicFacilityDataset(i));
  return definitions;
}
