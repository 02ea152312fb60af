/**
 * The sandbox's rules for Socrata's two transient answers. Real sites do not document their
 * thresholds; these are fixed so tests can rely on them.
 */
export interface SocrataRules {
  /**
   * Datasets with more rows than this start cold: the first `/resource` request for each of
   * them in a sandbox answers `202 {"message": …}` and warms it. Datasets this small or
   * smaller are always warm, so sizing a dataset down (`sizes`) switches its cold start off;
   * `Infinity` switches it off for every dataset.
   * @default 1000
   */
  readonly coldStartMinRows: number;
  /**
   * Requests without a valid `X-App-Token` answered per second of the sandbox clock; the next
   * ones in the same second get `429` with `Retry-After: 1`. With a clock that stands still,
   * anonymous requests past this count stay throttled.
   * @default 10
   */
  readonly anonymousRequestsPerSecond: number;
}

/** The rules of `createSandbox({ flavor: 'socrata' })`. */
export const defaultSocrataRules: SocrataRules = { coldStartMinRows: 1000, anonymousRequestsPerSecond: 10 };
