import type { PortalCapabilities } from '../portal-adapter.js';

/** Largest `limit` of `/records` and `/catalog/datasets`. */
export const ODS_MAX_LIMIT = 100;

/** What the engine may rely on with Opendatasoft: ODSQL filters and order, numbered pages. */
export const OPENDATASOFT_CAPABILITIES: PortalCapabilities = {
  serverFilters: true,
  serverFullText: true,
  serverOrder: true,
  maxPageSize: ODS_MAX_LIMIT,
  parallelPages: true,
};
