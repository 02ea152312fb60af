/**
 * Holder names as registries and merchants write them differ in width, brackets and spaces:
 * `宁波（北仑）某某 餐饮有限公司` and `宁波(北仑)某某餐饮有限公司` are the same holder.
 */
export function normalizeHolder(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[【〔［\[]/g, '(')
    .replace(/[】〕］\]]/g, ')')
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/** Splits a scope list on the separators registries use: `,` `，` `、` `;` `；`. */
export function splitScope(scope: string): string[] {
  return scope
    .normalize('NFKC')
    .split(/[,，、;；]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
