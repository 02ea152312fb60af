import { CkanActionError } from './action-error.js';
import type { ActionParams } from './action-params.js';

/**
 * A natural number parameter, validated like CKAN's `natural_number_validator`:
 * `Invalid integer` for anything that is not a whole number, `Must be a natural number` below 0.
 */
export function readNaturalNumber(params: ActionParams, name: string, fallback: number): number {
  const raw = single(params[name]);
  if (raw === undefined || raw === null || raw === '') return fallback;
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && /^\s*[-+]?\d+\s*$/.test(raw)) value = Number(raw);
  else throw CkanActionError.validation({ [name]: 'Invalid integer' });
  // Past 2^53 the number is no longer exact; such an offset could never match a row anyway.
  if (!Number.isSafeInteger(value)) throw CkanActionError.validation({ [name]: 'Invalid integer' });
  if (value < 0) throw CkanActionError.validation({ [name]: 'Must be a natural number' });
  return value;
}

/** A boolean parameter as CKAN's `boolean_validator` reads it. */
export function readBoolean(params: ActionParams, name: string, fallback: boolean): boolean {
  const raw = single(params[name]);
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw !== 0;
  if (typeof raw === 'string') return ['true', 'yes', 't', 'y', '1'].includes(raw.trim().toLowerCase());
  return false;
}

/** A string parameter; numbers are accepted as their text, other values are a validation error. */
export function readString(params: ActionParams, name: string): string | undefined {
  const raw = single(params[name]);
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  throw CkanActionError.validation({ [name]: 'Must be a string' });
}

/** A required string parameter: CKAN's `Missing value` when absent or empty. */
export function requireString(params: ActionParams, name: string, reportAs: string = name): string {
  const value = readString(params, name);
  if (value === undefined || value.trim() === '') throw CkanActionError.validation({ [reportAs]: 'Missing value' });
  return value;
}

/** The first value of a repeated query key. */
function single(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}
