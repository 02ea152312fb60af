/** How a registry's status word reads for verification. */
export type StatusMeaning = 'active' | 'revoked' | 'unknown';

// One table for every dataset: business registries say 存续/在业, licence registries 有效,
// practitioner registries 注册; the ends of a licence are 注销 (cancelled), 吊销 (revoked as a
// penalty), 撤销 (annulled) and 撤回 (withdrawn).
const STATUS_WORDS: Readonly<Record<string, StatusMeaning>> = {
  有效: 'active',
  存续: 'active',
  在业: 'active',
  开业: 'active',
  注册: 'active',
  正常: 'active',
  active: 'active',
  valid: 'active',
  注销: 'revoked',
  吊销: 'revoked',
  撤销: 'revoked',
  撤回: 'revoked',
  迁出: 'revoked',
  revoked: 'revoked',
  cancelled: 'revoked',
  canceled: 'revoked',
};

/**
 * What a registry's status word means: `active`, `revoked`, or `unknown` for a word outside the
 * table (then no status check is made). Full-width and spaced words are read too.
 */
export function statusMeaning(word: string | undefined): StatusMeaning {
  if (word === undefined) return 'unknown';
  const key = word.normalize('NFKC').trim();
  return STATUS_WORDS[key] ?? STATUS_WORDS[key.toLowerCase()] ?? (/(吊销|注销|撤销|撤回)/.test(key) ? 'revoked' : 'unknown');
}
