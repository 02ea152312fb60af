import type { z } from 'zod';
import { RecordValidationError } from '../errors/index.js';
import type { RawRecord } from '../portals/portal-adapter.js';

export type OnInvalid = 'throw' | 'skip' | 'collect';

/**
 * An `AsyncIterable` of records: `for await` streams them page by page at constant memory;
 * `toArray()` collects a bounded stream. Leaving a loop early stops paging and aborts what is in flight.
 */
export class RecordStream<T> implements AsyncIterable<T> {
  /** Rows that failed the schema, when `onInvalid: 'collect'`. */
  readonly invalid: RecordValidationError[] = [];
  private readonly source: (stream: RecordStream<T>) => AsyncGenerator<T>;

  constructor(source: (stream: RecordStream<T>) => AsyncGenerator<T>) {
    this.source = source;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.source(this);
  }

  /** Collects every record. Give the stream a `limit` when the dataset may be large. */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}

/** Applies the user's schema to one row, per `onInvalid`; `undefined` means "drop the row". */
export function validateRecord<S extends z.ZodType>(
  schema: S,
  row: RawRecord,
  index: number,
  onInvalid: OnInvalid,
  invalid: RecordValidationError[],
): z.output<S> | undefined {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const error = new RecordValidationError(index, result.error.issues, { record: row });
  if (onInvalid === 'throw') throw error;
  if (onInvalid === 'collect') invalid.push(error);
  return undefined;
}
