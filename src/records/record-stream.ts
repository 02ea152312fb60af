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
  private readonly source: (stream: RecordStream<T>) => AsyncGenerator<T[]>;

  /** @param source yields the records page by page (an empty page is skipped). */
  constructor(source: (stream: RecordStream<T>) => AsyncGenerator<T[]>) {
    this.source = source;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    // Rows are handed out from the current page without an async generator step per row: a page
    // of 200 rows costs one await on the source, not 200.
    const pages = this.source(this);
    let page: T[] = [];
    let next = 0;
    const pull = async (): Promise<IteratorResult<T>> => {
      while (next >= page.length) {
        const result = await pages.next();
        if (result.done) return { value: undefined, done: true };
        page = result.value;
        next = 0;
      }
      return { value: page[next++] as T, done: false };
    };
    return {
      next: () => (next < page.length ? Promise.resolve({ value: page[next++] as T, done: false }) : pull()),
      return: async () => {
        page = [];
        await pages.return(undefined);
        return { value: undefined, done: true };
      },
    };
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
