/**
 * ISO 7064 MOD 11,10 (the hybrid system of GB/T 17710) check digit of a digit string, or
 * `undefined` when the input is not a non-empty digit string.
 * @example mod11_10CheckDigit('1330108011171') // '9'
 */
export function mod11_10CheckDigit(digits: string): string | undefined {
  if (typeof digits !== 'string' || !/^\d+$/.test(digits)) return undefined;
  let product = 10;
  for (const char of digits) {
    const sum = (product + Number(char)) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return String((11 - product) % 10);
}
