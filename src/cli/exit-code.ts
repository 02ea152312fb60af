/**
 * The CLI's exit codes, documented in every `--help` page. Scripts branch on them, so they never
 * change meaning.
 */
export const ExitCode = {
  /** The command did what it was asked. */
  ok: 0,
  /** The command failed: the portal or the network failed, or a file could not be read or written. */
  failure: 1,
  /** The command line was wrong: unknown command or option, missing or malformed value. */
  usage: 2,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM before the work was done (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;

/** One of the documented {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit codes as `--help` prints them. */
export const exitCodeHelp: readonly (readonly [ExitCode, string])[] = [
  [ExitCode.ok, 'success'],
  [ExitCode.failure, 'failure (portal, network or file error)'],
  [ExitCode.usage, 'usage error (unknown command or option, bad value)'],
  [ExitCode.interrupted, 'interrupted (Ctrl-C or SIGTERM)'],
];
