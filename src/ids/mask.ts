/**
 * 18-digit resident ID numbers with a plausible birth date, not glued to other digits or
 * letters (so USCCs, licence and certificate numbers are left alone).
 */
const RESIDENT_ID_PATTERN = /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
/** Mainland mobile numbers (1[3-9] + 9 digits), optionally after +86 or 86. */
const PHONE_PATTERN = /(?<!\d)(\+?86[- ]?)?(1[3-9]\d{9})(?!\d)/g;

function keepEnds(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

function maskString(value: string): string {
  return value
    .replace(RESIDENT_ID_PATTERN, (id) => maskResidentId(id))
    .replace(PHONE_PATTERN, (_match, prefix: string | undefined, phone: string) => (prefix ?? '') + maskPhone(phone));
}

function maskResidentId(value: string): string {
  if (typeof value !== 'string') return '';
  return keepEnds(value, 6, 4);
}

function maskPhone(value: string): string {
  if (typeof value !== 'string') return '';
  return keepEnds(value, 3, 4);
}

function maskName(value: string): string {
  if (typeof value !== 'string') return '';
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  const [first, ...rest] = chars;
  // Latin names keep their first letter and their spaces, so the shape stays readable.
  return (first as string) + rest.map((char) => (char === ' ' ? ' ' : '*')).join('');
}

function redactValue(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return maskString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(redactValue(item, seen));
    return copy;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = redactValue(item, seen);
  return copy;
}

/**
 * Masking of personal data for logs and listings, as open-data portals publish it.
 * The single-value functions return `''` for a non-string instead of throwing.
 */
export const mask = {
  /**
   * Keeps the region (first 6) and the last 4 characters.
   * @example mask.residentId('330106199001011234') // '330106********1234'
   */
  residentId: maskResidentId,

  /**
   * Keeps the first 3 and the last 4 digits.
   * @example mask.phone('13812345678') // '138****5678'
   */
  phone: maskPhone,

  /**
   * Keeps the first character (the surname, or a Latin name's first letter).
   * @example mask.name('张三丰') // '张**'
   * @example mask.name('张三') // '张*'
   */
  name: maskName,

  /**
   * A deep copy of a record in which every resident ID number and mobile phone number found
   * inside a string (at any depth of plain objects and arrays) is masked. Other values are
   * kept as they are; the input is not changed.
   * @example mask.redact({ note: '联系人 13812345678' }) // { note: '联系人 138****5678' }
   */
  redact<T>(record: T): T {
    return redactValue(record, new WeakMap()) as T;
  },
} as const;
