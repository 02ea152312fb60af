export { datasetTerms } from './dataset-terms.js';
export type { DatasetTerms } from './dataset-terms.js';
export { normalizeLicense, spdxOf, ZHEJIANG_DATA_USE } from './normalize-license.js';
export type { NormalizedLicense } from './normalize-license.js';
