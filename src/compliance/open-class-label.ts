import type { OpenClass } from '../model/dataset.js';

const LABELS: Readonly<Record<string, OpenClass>> = {
  '1': 'unconditional',
  unconditional: 'unconditional',
  open: 'unconditional',
  public: 'unconditional',
  无条件开放: 'unconditional',
  '2': 'restricted',
  restricted: 'restricted',
  conditional: 'restricted',
  private: 'restricted',
  受限开放: 'restricted',
  有条件开放: 'restricted',
  '3': 'forbidden',
  forbidden: 'forbidden',
  closed: 'forbidden',
  禁止开放: 'forbidden',
  不予开放: 'forbidden',
};

/** Metadata keys under which portals built on generic software state a Zhejiang-style open class. */
export const OPEN_CLASS_KEYS: readonly string[] = ['open_class', 'openclass', 'open_type', 'opentype', '开放类型', '开放属性', '开放条件'];

/**
 * Reads an open class stated as a label (`禁止开放`, `forbidden`, `3`, …); `undefined` when the
 * value says nothing recognisable, so the caller falls back to the portal's own flags.
 *
 * @example openClassFromLabel('受限开放') // 'restricted'
 */
export function openClassFromLabel(value: unknown): OpenClass | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return LABELS[String(value).trim().toLowerCase()];
}

// Tags are free text: only the rules' own Chinese labels count, never `open` or `private`.
const TAG_LABELS: Readonly<Record<string, OpenClass>> = {
  无条件开放: 'unconditional',
  受限开放: 'restricted',
  有条件开放: 'restricted',
  禁止开放: 'forbidden',
  不予开放: 'forbidden',
};

/**
 * The open class stated by a tag such as `禁止开放` (ckan tags, socrata tags, opendatasoft
 * keywords); `undefined` when no tag states one.
 *
 * @example openClassFromTags(['纳税', '禁止开放']) // 'forbidden'
 */
export function openClassFromTags(tags: Iterable<string>): OpenClass | undefined {
  for (const tag of tags) {
    const found = TAG_LABELS[tag.trim()];
    if (found) return found;
  }
  return undefined;
}

/** The open class stated in a key → value metadata map (CKAN extras, Socrata custom fields, …). */
export function openClassFromMetadata(entries: Iterable<readonly [string, unknown]>): OpenClass | undefined {
  for (const [key, value] of entries) {
    if (!OPEN_CLASS_KEYS.includes(key.trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/^open_?class$/, 'open_class'))) continue;
    const found = openClassFromLabel(value);
    if (found) return found;
  }
  return undefined;
}
