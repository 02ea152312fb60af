import type { CliIo } from './cli-io.js';

/** What replaces a secret in anything the CLI prints. */
export const REDACTED = '[REDACTED]';

/**
 * Replaces every occurrence of each secret in `text`. Secrets shorter than four characters are
 * left alone: masking a one-letter value would garble every word containing that letter.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length >= 4) redacted = redacted.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && encoded.length >= 4) redacted = redacted.split(encoded).join(REDACTED);
  }
  return redacted;
}

/** The same io, with secrets redacted from every line it prints. Bulk streams are data, not messages, and pass unchanged. */
export function redactingIo(io: CliIo, secrets: readonly string[]): CliIo {
  if (!secrets.length) return io;
  return { ...io, out: (line) => io.out(redactSecrets(line, secrets)), err: (line) => io.err(redactSecrets(line, secrets)) };
}
