import type { RawRecord } from '../portals/portal-adapter.js';
import { SyncKeyError } from './sync-key-error.js';

/** A row's key as a string, or a `SyncKeyError` naming the column, the dataset and the row. */
export function rowKey(row: RawRecord, key: string, position: number, dataset: string): string {
  const value = row[key];
  if (value === undefined && !(key in row)) {
    const columns = Object.keys(row).filter((column) => column !== '_id');
    throw new SyncKeyError(`Key column "${key}" is not in the rows of ${dataset} (columns: ${columns.join(', ')}): pass one of them as key`, { problem: 'missing_column', key });
  }
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    throw new SyncKeyError(`Row ${position} of ${dataset} has no value in key column "${key}": every row needs a key to be synced`, { problem: 'missing_value', key, value: position });
  }
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

/** Two rows with the same key cannot both be tracked: refuse rather than keep one at random. */
export function duplicateKey(key: string, value: string, dataset: string): SyncKeyError {
  return new SyncKeyError(`Key "${value}" appears twice in column "${key}" of ${dataset}: the key must identify one row`, { problem: 'duplicate', key, value });
}
