/** `text` with every regular-expression metacharacter escaped, to match it literally inside a pattern. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
