import type { core } from 'zod';

/** A zod validation issue, as carried by {@link ResponseFormatError} and {@link RecordValidationError}. */
export type ValidationIssue = core.$ZodIssue;

/** One line about a list of zod issues: the first issue with its path, and how many more. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  const [first] = issues;
  if (!first) return 'no issues reported';
  const path = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${path}${first.message}${more}`;
}
