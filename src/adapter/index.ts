// `kaifang/adapter`: everything needed to teach kaifang another portal family — the adapter
// interface, `definePortal`, the `Transport` an adapter sends through, and a small test kit.
// See docs/writing-an-adapter.md.

export { definePortal } from '../portals/define-portal.js';
export type { AdapterLoadContext, PortalCredentials, PortalDefinition, PortalFacts, PortalSpec } from '../portals/define-portal.js';
export type {
  AggregateFunction,
  AggregateQuery,
  AppliedByPortal,
  CallOptions,
  CatalogPage,
  CatalogQuery,
  ChangesQuery,
  ChangesSupport,
  DatasetFile,
  DatasetVersion,
  DeclaredType,
  FileRequest,
  FileSelection,
  OpenedFile,
  OrderBy,
  PortalAdapter,
  PortalCapabilities,
  RawRecord,
  RecordQuery,
  RecordReader,
  WhereFilter,
} from '../portals/portal-adapter.js';
export { createTransport } from '../http/create-transport.js';
export type { FetchFunction, HttpMethod, RequestSpec, ResponseMeta, Transport, TransportOptions, TransportResponse } from '../http/transport-types.js';
export type { ResponseType } from '../http/decode-body.js';
export { normalizeBaseUrl } from '../portals/normalize-base-url.js';
export { assertIdentifier, pathSegment } from '../portals/path-segment.js';
export { RowsSchema } from '../model/row-schema.js';
export { DatasetSchema } from '../model/dataset.js';
export type { Dataset, PortalFamily } from '../model/dataset.js';
export { checkPortal } from './check-portal.js';
export type { PortalCheck, PortalCheckOptions, PortalCheckReport } from './check-portal.js';
