export { businessLicenses } from './business-licenses.js';
export type { ColumnDefinition, ColumnType, DatasetDefinition, GatewayInterface, OpenClass, Row } from './dataset-definition.js';
export { datasetDefinitions } from './dataset-definitions.js';
export { enterpriseTax } from './enterprise-tax.js';
export type { DatasetDefinitionsOptions } from './dataset-definitions.js';
export {
  FOOD_LICENSE_EXPIRED_SHARE,
  FOOD_LICENSE_EXPIRY_CUTOFF,
  FOOD_LICENSE_NO_HOT_FOOD_SHARE,
  FOOD_LICENSE_REVOKED_SHARE,
  foodLicenses,
} from './food-licenses.js';
export { medicalPractitioners, NURSE_SHARE, REGISTERED_SHARE } from './medical-practitioners.js';
export { parkingLots } from './parking-lots.js';
export { publicFacilityDataset } from './public-facilities.js';
