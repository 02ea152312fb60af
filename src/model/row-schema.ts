import { z } from 'zod';

const isRow = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A row as a portal sends it: a plain JSON object. Checked by shape only — rows are thousands per
 * page, and a per-key record schema would cost more than parsing the JSON; the user's own schema
 * validates the columns.
 */
export const RowSchema = z.custom<Record<string, unknown>>(isRow, { message: 'Expected a row object' });

/**
 * A page of rows: one check that walks the array, reporting the first bad row at its index as
 * `z.array(RowSchema)` would. Running zod once per row instead costs more than the rest of the
 * check, most of all in a fresh process before V8 has compiled zod's per-element path.
 */
export const RowsSchema = z.custom<Record<string, unknown>[]>().check((payload) => {
  const value: unknown = payload.value;
  if (!Array.isArray(value)) {
    payload.issues.push({ code: 'custom', message: 'Expected an array of rows', input: value });
    return;
  }
  for (let index = 0; index < value.length; index++) {
    if (!isRow(value[index])) {
      payload.issues.push({ code: 'custom', message: 'Expected a row object', input: value[index], path: [index] });
      return;
    }
  }
});
