import { describe, expect, it } from 'vitest';
import * as adapter from '../../src/adapter/index.js';
import * as root from '../../src/index.js';

// The runtime names each entry point offers. A name added here is a promise to users: adding one
// to the code without adding it here fails, so nothing internal slips into the surface unnoticed.
const ROOT = [
  'ArgumentError',
  'AuthError',
  'CheckpointError',
  'DatasetDriftError',
  'DatasetSchema',
  'DownloadIntegrityError',
  'DownloadInterruptedError',
  'FieldSchema',
  'FileCheckpointStore',
  'FileFormatError',
  'ForbiddenDataError',
  'HttpError',
  'KaifangError',
  'LicenseSchema',
  'MemoryCheckpointStore',
  'NetworkError',
  'NotReadyError',
  'NotFoundError',
  'OpenClassSchema',
  'PagingError',
  'PortalError',
  'PublisherSchema',
  'RateLimitError',
  'RecordValidationError',
  'ResourceSchema',
  'ResponseFormatError',
  'ResponseTooLargeError',
  'ServerError',
  'SyncKeyError',
  'TimeoutError',
  'UnsupportedError',
  'ZHEJIANG_DATA_USE',
  'contentHash',
  'createClient',
  'datasetTerms',
  'decodeCheckpoint',
  'encodeCheckpoint',
  'licenseKinds',
  'maskPersonalText',
  'maskRecord',
  'normalizeLicense',
  'portalFamilies',
  'portals',
  'spdxOf',
];

const ADAPTER = ['DatasetSchema', 'RowsSchema', 'assertIdentifier', 'checkPortal', 'createTransport', 'definePortal', 'normalizeBaseUrl', 'pathSegment'];

/** Helpers the engine and adapters share that users must never come to depend on. */
const INTERNAL = ['createHttpError', 'bodyExcerpt', 'httpErrorMessage', 'guardOpenClass', 'assertReadable', 'parseExpectedHash', 'createSync', 'lazyTransport', 'redactText', 'fingerprint'];

describe('the public surface', () => {
  it('kaifang exports exactly the listed names', () => {
    expect(Object.keys(root).sort()).toEqual([...ROOT].sort());
  });

  it('kaifang exports no internal helper', () => {
    for (const name of INTERNAL) expect(Object.keys(root), name).not.toContain(name);
  });

  it('kaifang/adapter exports exactly the listed names', () => {
    expect(Object.keys(adapter).sort()).toEqual([...ADAPTER].sort());
  });
});
