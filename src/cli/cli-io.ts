/**
 * Where a command writes: results to `out` (stdout), diagnostics to `err` (stderr). Each call
 * writes one line; the newline is added.
 */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
