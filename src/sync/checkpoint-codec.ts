import { CheckpointError } from '../errors/checkpoint-error.js';
import type { Checkpoint, FileMarker, PullStrategy } from './checkpoint.js';
import { CompactHashes } from './compact-hashes.js';

/** First line of every checkpoint file: the format and its version. */
const MAGIC = 'KAIFANG-CHECKPOINT 1\n';
const STRATEGIES: readonly PullStrategy[] = ['modified-since', 'change-check', 'full'];
const RESET_HINT = 'delete it to start afresh (the next pull then reports every row as added)';

interface Header {
  portal: string;
  baseUrl: string;
  dataset: string;
  key: string;
  strategy: PullStrategy;
  version: Checkpoint['version'];
  modifiedColumn: string | null;
  watermark: number | null;
  pullsSinceKeyScan: number;
  savedAt: string;
  count: number;
  keysBytes: number;
  checksum: number;
  /** Only in checkpoints of file syncs; older files lack it and still load. */
  file?: FileMarker;
}

/**
 * Encodes a checkpoint compactly: the magic line, a JSON header line, the keys as one JSON
 * array, then the hashes as little-endian float64s. About 30 bytes per key, and a checksum over
 * the body so a torn or edited file is refused rather than half-read.
 */
export function encodeCheckpoint(checkpoint: Checkpoint): Uint8Array {
  const encoder = new TextEncoder();
  const keys = encoder.encode(JSON.stringify([...checkpoint.hashes.keys()]));
  const count = checkpoint.hashes.size;
  const body = new Uint8Array(keys.length + count * 8);
  body.set(keys, 0);
  const view = new DataView(body.buffer, keys.length);
  let offset = 0;
  for (const hash of checkpoint.hashes.values()) {
    view.setFloat64(offset, hash, true);
    offset += 8;
  }
  const header: Header = {
    portal: checkpoint.portal,
    baseUrl: checkpoint.baseUrl,
    dataset: checkpoint.dataset,
    key: checkpoint.key,
    strategy: checkpoint.strategy,
    version: checkpoint.version,
    modifiedColumn: checkpoint.modifiedColumn,
    watermark: checkpoint.watermark,
    pullsSinceKeyScan: checkpoint.pullsSinceKeyScan,
    savedAt: checkpoint.savedAt,
    count,
    keysBytes: keys.length,
    checksum: checksum(body),
    ...(checkpoint.file ? { file: checkpoint.file } : {}),
  };
  const head = encoder.encode(`${MAGIC}${JSON.stringify(header)}\n`);
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

/**
 * Decodes what {@link encodeCheckpoint} wrote; anything else (truncated, edited, another format
 * or version) is a `CheckpointError` naming `location`.
 */
export function decodeCheckpoint(bytes: Uint8Array, location: string): Checkpoint {
  const fail = (problem: string): never => {
    throw new CheckpointError(`Checkpoint ${location} ${problem}: ${RESET_HINT}`, location);
  };
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const magicLength = MAGIC.length;
  const magic = decoder.decode(bytes.subarray(0, magicLength));
  if (magic !== MAGIC) {
    if (magic.startsWith('KAIFANG-CHECKPOINT ')) fail(`has format ${magic.slice(19).trim()}, which this version of kaifang cannot read`);
    fail('is not a kaifang checkpoint');
  }
  const headerEnd = bytes.indexOf(0x0a, magicLength);
  if (headerEnd < 0) fail('is truncated (no header)');
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(magicLength, headerEnd))) as Header;
  } catch {
    return fail('has an unreadable header');
  }
  if (!isHeader(header)) fail('has an unreadable header');
  const body = bytes.subarray(headerEnd + 1);
  if (body.length !== header.keysBytes + header.count * 8) fail(`is truncated or padded (${body.length} body bytes, expected ${header.keysBytes + header.count * 8})`);
  if (checksum(body) !== header.checksum) fail('is corrupt (checksum mismatch)');
  const view = new DataView(body.buffer, body.byteOffset + header.keysBytes, header.count * 8);
  const values = new Float64Array(header.count);
  for (let index = 0; index < values.length; index++) values[index] = view.getFloat64(index * 8, true);
  const hashes = CompactHashes.fromJson(decoder.decode(body.subarray(0, header.keysBytes)), values) ?? fail('has unreadable keys');
  return {
    format: 1,
    portal: header.portal,
    baseUrl: header.baseUrl,
    dataset: header.dataset,
    key: header.key,
    strategy: header.strategy,
    version: header.version,
    modifiedColumn: header.modifiedColumn,
    watermark: header.watermark,
    pullsSinceKeyScan: header.pullsSinceKeyScan,
    savedAt: header.savedAt,
    hashes,
    ...(header.file ? { file: { id: header.file.id, etag: header.file.etag, lastModified: header.file.lastModified, hash: header.file.hash, updatedAt: header.file.updatedAt } } : {}),
  };
}

function isHeader(value: unknown): value is Header {
  if (!value || typeof value !== 'object') return false;
  const header = value as Record<string, unknown>;
  const version = header['version'];
  return (
    typeof header['portal'] === 'string' &&
    typeof header['baseUrl'] === 'string' &&
    typeof header['dataset'] === 'string' &&
    typeof header['key'] === 'string' &&
    STRATEGIES.includes(header['strategy'] as PullStrategy) &&
    (version === null || (typeof version === 'object' && version !== null)) &&
    (header['modifiedColumn'] === null || typeof header['modifiedColumn'] === 'string') &&
    (header['watermark'] === null || typeof header['watermark'] === 'number') &&
    Number.isSafeInteger(header['pullsSinceKeyScan']) &&
    typeof header['savedAt'] === 'string' &&
    Number.isSafeInteger(header['count']) &&
    Number.isSafeInteger(header['keysBytes']) &&
    typeof header['checksum'] === 'number' &&
    (header['file'] === undefined || isFileMarker(header['file']))
  );
}

function isFileMarker(value: unknown): value is FileMarker {
  if (!value || typeof value !== 'object') return false;
  const marker = value as Record<string, unknown>;
  const text = (field: string) => marker[field] === null || typeof marker[field] === 'string';
  return typeof marker['id'] === 'string' && text('etag') && text('lastModified') && text('hash') && text('updatedAt');
}

/** FNV-1a over the body, four bytes at a time where aligned; enough to catch torn or edited files. */
function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  const words = Math.floor(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let index = 0; index < words; index++) hash = Math.imul(hash ^ view.getUint32(index * 4, true), 0x01000193);
  for (let index = words * 4; index < bytes.length; index++) hash = Math.imul(hash ^ (bytes[index] as number), 0x01000193);
  return hash >>> 0;
}
