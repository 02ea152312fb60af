import { mask } from '../ids/mask.js';
import { isPersonalName, MAYBE_PERSON_NAME_COLUMNS, PERSON_NAME_COLUMNS } from './personal-columns.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';

const ALIASES = [...PERSON_NAME_COLUMNS, ...MAYBE_PERSON_NAME_COLUMNS].map(escapeRegExp).join('|');
/** `name=value` in a query string or a message. */
const PAIR = new RegExp(`(^|[?&;\\s"'(,{])(${ALIASES})=([^&\\s"'<>#;,)}]*)`, 'giu');
/** `"name": "value"` in a JSON body or an echoed filter. */
const MEMBER = new RegExp(`("(${ALIASES})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)(")`, 'giu');
/** A run of URL-encoded text that contains at least one escape. */
const ENCODED_RUN = /(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9\-_.!~*'()+])*%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9\-_.!~*'()+])*/g;

const decode = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
};

function maskPlain(text: string): string {
  const members = text.replace(MEMBER, (match, head: string, key: string, value: string, tail: string) =>
    isPersonalName(key, value) ? `${head}${mask.name(value)}${tail}` : match,
  );
  return mask.redact(members);
}

/**
 * Masks personal data in free text (an error message, a URL, a log line): resident ID and mobile
 * numbers wherever they appear, and personal names given under a personal column or parameter
 * name (`XM=张三`, `"姓名":"张三"`, `name=%E5%BC%A0%E4%B8%89`), percent-encoded or not.
 *
 * @example maskPersonalText('GET /verify?certNo=110330100000123&name=张三丰') // '…&name=张**'
 */
export function maskPersonalText(text: string): string {
  if (typeof text !== 'string' || text === '') return typeof text === 'string' ? text : '';
  const pairs = text.replace(PAIR, (match, lead: string, key: string, raw: string) => {
    const value = decode(raw);
    if (value === undefined || !isPersonalName(key, value)) return match;
    return `${lead}${key}=${raw === value ? mask.name(value) : encodeURIComponent(mask.name(value))}`;
  });
  const encoded = pairs.replace(ENCODED_RUN, (run) => {
    const value = decode(run);
    if (value === undefined) return run;
    const masked = maskPlain(value);
    return masked === value ? run : encodeURIComponent(masked);
  });
  return maskPlain(encoded);
}
