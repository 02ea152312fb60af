export { createClient } from './client.js';
export type { Client, ClientOptions } from './client.js';
export { portals } from './portals/index.js';
export type * from './portals/index.js';
export { Catalog } from './catalog.js';
export { Datasets } from './datasets.js';
export { RecordStream } from './records/record-stream.js';
export type { OnInvalid } from './records/record-stream.js';
export type { RecordsOptions } from './records/records-options.js';
export type { OrderByInput } from './records/record-query.js';
export * from './errors/index.js';
export * from './verify/index.js';
export { DatasetSchema, FieldSchema, LicenseSchema, OpenClassSchema, PublisherSchema, portalFamilies } from './model/dataset.js';
export type { Dataset, Field, License, OpenClass, PortalFamily, Publisher } from './model/dataset.js';
export { ResourceSchema } from './model/resource.js';
export type { Resource } from './model/resource.js';
export type { Page } from './model/page.js';
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
export {
  DatasetSync,
  MemoryCheckpointStore,
  FileCheckpointStore,
  SyncKeyError,
  DatasetDriftError,
  encodeCheckpoint,
  decodeCheckpoint,
  contentHash,
} from './sync/index.js';
export type { SyncMethod, SyncOptions, SyncStrategy, RunOptions, Change, ChangeSet, SyncStats, Checkpoint, PullStrategy, CheckpointStore, SyncKeyProblem } from './sync/index.js';
export type { FileMarker } from './sync/checkpoint.js';
export { DownloadIntegrityError, DownloadInterruptedError, parseExpectedHash } from './download/index.js';
export type { DownloadOptions, DownloadProgress, DownloadResult, ExpectedHash, DownloadIntegrityErrorOptions, DownloadInterruptedErrorOptions } from './download/index.js';
export type { FileReadOptions } from './records/file-read-options.js';
export type { TextEncodingName } from './files/text-encoding.js';
export type { FileFormat } from './files/file-format.js';
export type { DatasetFile, DeclaredType, FileRequest, FileSelection, OpenedFile } from './portals/portal-adapter.js';
export { datasetTerms, normalizeLicense, spdxOf, ZHEJIANG_DATA_USE } from './terms/index.js';
export type { DatasetTerms, NormalizedLicense } from './terms/index.js';
export type { AggregateFunction, AggregateOptions, AggregateQuery, AggregateResult, AggregateRow, Metric } from './aggregate/index.js';
export { maskPersonalText, maskRecord } from './privacy/index.js';
export type { PrivacyOptions, RedactOption } from './privacy/index.js';
