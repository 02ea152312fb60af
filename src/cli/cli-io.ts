/**
 * Where a command writes: results to `out` (stdout), diagnostics to `err` (stderr). Each call
 * writes one line; the newline is added.
 */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** The raw result stream, for commands that stream bulk output with backpressure; `out` otherwise. */
  readonly stdout?: NodeJS.WritableStream;
  /** The raw diagnostics stream, for a progress bar redrawn in place. */
  readonly stderr?: NodeJS.WritableStream;
  /** Whether diagnostics go to a terminal: a progress bar is shown by default only then. */
  readonly stderrIsTTY?: boolean;
  /** Environment variables a command reads its configuration from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
};
