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

/**
 * How the sandbox answers a page: `computing` renders its rows from (seed, index) on every request,
 * as a portal runs its query; `replaying` sends a page kept from its first read, so the client's
 * own cost decides the speed; `distant` replays like `replaying` but answers `LATENCY_MS` late,
 * as a portal far away does.
 */
export type ServerMode = 'computing' | 'replaying' | 'distant';

/** Milliseconds the `distant` server waits before every answer. */
export const LATENCY_MS = 30;

/**
 * Which pull of its process is measured: `cold` is the first full pull of a fresh process, as a
 * script runs; `warm` follows one unmeasured full pull, as in a long-running service.
 */
export const pullStarts = ['cold', 'warm'] as const;

export type PullStart = (typeof pullStarts)[number];

/** One variant's full pull at one dataset size against one server mode. */
export interface PullResult {
  readonly variant: PullVariant;
  readonly rows: number;
  readonly server: ServerMode;
  readonly start: PullStart;
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
