import { z } from 'zod';

/**
 * A row as a portal sends it: a plain JSON object. Checked by shape only — rows are thousands per
 * page, and a per-key record schema would cost more than parsing the JSON; the user's own schema
 * validates the columns.
 */
export const RowSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'Expected a row object' },
);

/** A page of rows. */
export const RowsSchema = z.array(RowSchema);
