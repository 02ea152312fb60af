import type { PortalCapabilities } from '../portal-adapter.js';

/** `ckan.datastore.search.rows_max`'s default. */
export const DATASTORE_MAX_ROWS = 32_000;

/** What the engine may rely on with CKAN: DataStore filters, full text and order on the server. */
export const CKAN_CAPABILITIES: PortalCapabilities = {
  serverFilters: true,
  serverFullText: true,
  serverOrder: true,
  maxPageSize: DATASTORE_MAX_ROWS,
  parallelPages: false,
};
