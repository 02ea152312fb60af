/**
 * A wrong command line. The CLI prints its message with a pointer to `--help` on stderr and
 * exits with code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  /** @param command The command whose help page to point at; none for the top-level usage. */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}
