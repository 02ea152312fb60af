import { z } from 'zod';

// Catalogue and dataset metadata is typed by hand on many sites: a list where one value was meant,
// a size sent as text, `null` for an object, an empty string for "not stated". These schemas read
// such a field as well as it can and otherwise drop it, so that one odd field never costs its
// entry or its page. Record envelopes are not read with them: they stay strict.

// `.optional()` first: a key that is missing is read like any other odd value, not refused.
const anyValue = z.unknown().optional();

/** Text of a metadata value: numbers as text, a list joined; `''`, blanks and anything else are absent. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
}

/** A field read by `read`, which gets `undefined` for a missing key and must accept any value. */
export function lenientValue<T>(read: (value: unknown) => T) {
  return anyValue.transform(read);
}

/** A text field: see {@link textOf}. */
export const lenientText = lenientValue(textOf);

/** A list of texts: one text becomes a list of one; items that are no text are left out. */
export const lenientTextList = lenientValue((value): string[] => {
  if (Array.isArray(value)) return value.map(textOf).filter((item): item is string => item !== undefined);
  const one = textOf(value);
  return one === undefined ? [] : [one];
});

/**
 * A list whose positions matter (Discovery's `columns_field_name`, `columns_name`, … run in
 * parallel): every item stays at its index, as text or `undefined`.
 */
export const lenientTextColumn = lenientValue((value): (string | undefined)[] => (Array.isArray(value) ? value.map(textOf) : []));

/** A number, also when sent as text (`"1024"`); anything else is absent. */
export const lenientNumber = lenientValue((value): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value.trim());
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
});

/** A flag, also when sent as `"true"`/`"false"` (any case); anything else is absent. */
export const lenientBoolean = lenientValue((value): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return undefined;
});

/** A nested object read with `schema`; `null`, a list, text or anything `schema` refuses is absent. */
export function lenientObject<T extends z.ZodType>(schema: T) {
  return lenientValue((value): z.output<T> | undefined => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  });
}

/** A list read item by item with `schema`; items it refuses (or reads as absent) are left out, anything but a list is empty. */
export function lenientList<T extends z.ZodType>(schema: T) {
  return lenientValue((value): Exclude<z.output<T>, undefined>[] => {
    if (!Array.isArray(value)) return [];
    const items: Exclude<z.output<T>, undefined>[] = [];
    for (const item of value) {
      const result = schema.safeParse(item);
      if (result.success && result.data !== undefined) items.push(result.data as Exclude<z.output<T>, undefined>);
    }
    return items;
  });
}

/**
 * An identifier: text, or a number read as text. It is the one field that stays required: paging,
 * look-ups and de-duplication depend on it, so an entry without one is drift, not an odd field.
 */
export const identifier = z.union([z.string().min(1), z.number().transform(String)]);

/** Where the answer an entry was read from is kept: `Dataset.raw` shows it as the portal sent it. */
export const RAW = Symbol('raw');

/** An entry read with `schema`, carrying under {@link RAW} the value it was read from. */
export type WithRaw<T> = T & { readonly [RAW]: unknown };

/** Reads an entry with `schema` and keeps the value as sent under {@link RAW}; the issues of a refused entry are reported as they are. */
export function withRaw<T extends z.ZodType<object>>(schema: T) {
  return z.unknown().transform((value, context): WithRaw<z.output<T>> => {
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return Object.assign(result.data as z.output<T> & object, { [RAW]: value });
  });
}
