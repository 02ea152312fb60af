// The public surface of `kaifang`, listed name by name: what is not here is internal and may change
// in any release. Adapter authors find the adapter interface and `Transport` in `kaifang/adapter`.

// The client
export { createClient } from './client.js';
export type { Client, ClientOptions } from './client.js';
export { portals } from './portals/index.js';
export type { CkanPortalOptions, OpendatasoftPortalOptions, PortalDefinition, SocrataPortalOptions, ZhejiangPortalOptions } from './portals/index.js';
export type { GatewayInterfaceIds } from './portals/zhejiang/gateway-interfaces.js';
export type { Catalog } from './catalog.js';
export type { Datasets } from './datasets.js';
export type { CallOptions, CatalogQuery, DatasetFile, DeclaredType, FileRequest, FileSelection, OpenedFile, OrderBy, WhereFilter } from './portals/portal-adapter.js';

// Records
export type { RecordStream, OnInvalid } from './records/record-stream.js';
export type { RecordsOptions } from './records/records-options.js';
export type { OrderByInput } from './records/record-query.js';
export type { FileReadOptions } from './records/file-read-options.js';
export type { TextEncodingName } from './files/text-encoding.js';
export type { FileFormat } from './files/file-format.js';
export type { Page } from './model/page.js';

// The unified model
export { DatasetSchema, FieldSchema, LicenseSchema, OpenClassSchema, PublisherSchema, portalFamilies } from './model/dataset.js';
export type { BuiltInPortalFamily, Dataset, Field, License, OpenClass, PortalFamily, Publisher } from './model/dataset.js';
export { ResourceSchema } from './model/resource.js';
export type { Resource } from './model/resource.js';

// Transport options and hooks
export type {
  CacheHitEvent,
  CacheOptions,
  FetchFunction,
  RateLimitOptions,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
  RetryOptions,
  TransportHooks,
} from './http/index.js';

// Errors
export {
  ArgumentError,
  AuthError,
  CheckpointError,
  FileFormatError,
  ForbiddenDataError,
  HttpError,
  KaifangError,
  NetworkError,
  NotReadyError,
  NotFoundError,
  PagingError,
  PortalError,
  RateLimitError,
  RecordValidationError,
  ResponseFormatError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  UnsupportedError,
} from './errors/index.js';
export type {
  FileFormatErrorOptions,
  HttpErrorOptions,
  HttpErrorSubclassOptions,
  NotReadyErrorOptions,
  KaifangErrorJSON,
  KaifangErrorOptions,
  PagingErrorDetails,
  RateLimitErrorOptions,
  RecordValidationErrorOptions,
  RequestSummary,
  ResponseFormatErrorOptions,
  ValidationIssue,
} from './errors/index.js';

// Incremental update
export { DatasetDriftError, FileCheckpointStore, MemoryCheckpointStore, SyncKeyError, contentHash, decodeCheckpoint, encodeCheckpoint } from './sync/index.js';
export type {
  Change,
  ChangeSet,
  Checkpoint,
  CheckpointStore,
  DatasetSync,
  PullStrategy,
  RunOptions,
  SyncKeyProblem,
  SyncMethod,
  SyncOptions,
  SyncStats,
  SyncStrategy,
} from './sync/index.js';
export type { FileMarker } from './sync/checkpoint.js';

// Downloads
export { DownloadIntegrityError, DownloadInterruptedError } from './download/index.js';
export type { DownloadIntegrityErrorOptions, DownloadInterruptedErrorOptions, DownloadOptions, DownloadProgress, DownloadResult, ExpectedHash } from './download/index.js';

// Licence verification
export { licenseKinds } from './verify/index.js';
export type {
  LicenseFields,
  LicenseKind,
  LicenseVerifier,
  Licenses,
  LookupCacheOptions,
  Verdict,
  VerdictChecks,
  VerdictLicense,
  VerdictSource,
  VerdictStatus,
  VerifierMode,
  VerifierOptions,
  VerifyItem,
  VerifyManyOptions,
} from './verify/index.js';

// Aggregates
export type { AggregateFunction, AggregateOptions, AggregateQuery, AggregateResult, AggregateRow, Metric } from './aggregate/index.js';

// Terms of use and personal data
export { ZHEJIANG_DATA_USE, datasetTerms, normalizeLicense, spdxOf } from './terms/index.js';
export type { DatasetTerms, NormalizedLicense } from './terms/index.js';
export { maskPersonalText, maskRecord } from './privacy/index.js';
export type { PrivacyOptions, RedactOption } from './privacy/index.js';
