/** One page of results, normalised across portals. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Total number of matches, when the portal says. */
  readonly total: number | undefined;
  /** Whether another page follows. */
  readonly hasNext: boolean;
  /** Fetches the following page, or resolves `undefined` after the last one. */
  next(): Promise<Page<T> | undefined>;
}
