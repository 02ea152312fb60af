import type { PullVariant } from './pull-variants.js';

/** Sandbox throughput at one number of connections. */
export interface ServeResult {
  readonly connections: number;
  readonly rows: number;
  /** Median rows per second over loopback. */
  readonly rowsPerSecond: number;
  /** Median server CPU time per row, in microseconds. */
  readonly serverMicrosPerRow: number;
}

/** One variant's full pull at one dataset size. */
export interface PullResult {
  readonly variant: PullVariant;
  readonly rows: number;
  /** Median duration of the pull, in milliseconds. */
  readonly ms: number;
  readonly rowsPerSecond: number;
  /** Largest peak RSS of the measuring process over the runs, in MB. */
  readonly maxRssMb: number;
  /** Median server CPU time per row during the pull, in microseconds. */
  readonly serverMicrosPerRow: number;
  /** Median CPU time of the pulling process per row (all its threads), in microseconds. */
  readonly clientMicrosPerRow: number;
}

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  readonly date: Date;
  readonly command: string;
  readonly runs: number;
  readonly machine: string;
  /** 1-minute load average before and after: other processes share the cores. */
  readonly load: readonly [number, number];
  readonly serve: readonly ServeResult[];
  readonly pulls: readonly PullResult[];
}
