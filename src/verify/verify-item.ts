import type { VerifyItem } from './verdict.js';

/** An item as the verifier reads it: text fields, or the reason the item cannot be read. */
export type ReadItem =
  | { readonly ok: true; readonly number: string; readonly holder: string | undefined; readonly activity: string | undefined }
  | { readonly ok: false; readonly echo: VerifyItem; readonly problem: string };

/**
 * Reads an item from untyped input (a CSV row, JSON): the number as text (a number is accepted),
 * holder and activity as text or absent. Blank text counts as absent. Never throws.
 */
export function readItem(item: unknown): ReadItem {
  if (typeof item !== 'object' || item === null) return { ok: false, echo: { number: '' }, problem: 'item: expected an object with a number' };
  const { number, holder, activity } = item as Record<string, unknown>;
  const text = typeof number === 'string' ? number : typeof number === 'number' && Number.isFinite(number) ? String(number) : undefined;
  if (text === undefined) return { ok: false, echo: { number: '' }, problem: `number: expected a string, got ${describe(number)}` };
  for (const [name, value] of [['holder', holder], ['activity', activity]] as const) {
    if (value !== undefined && value !== null && typeof value !== 'string') return { ok: false, echo: { number: text }, problem: `${name}: expected a string, got ${describe(value)}` };
  }
  return { ok: true, number: text, holder: present(holder), activity: present(activity) };
}

function present(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
