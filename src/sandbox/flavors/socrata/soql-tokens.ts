import { SocrataError } from './socrata-error.js';

/** One token of a SoQL clause. */
export type SoqlToken =
  | { readonly kind: 'identifier'; readonly text: string; readonly at: number }
  | { readonly kind: 'string'; readonly text: string; readonly at: number }
  | { readonly kind: 'number'; readonly text: string; readonly at: number }
  | { readonly kind: 'symbol'; readonly text: string; readonly at: number };

const SYMBOLS = ['<=', '>=', '!=', '<>', '=', '<', '>', '(', ')', ',', '*'];

/** Splits a SoQL clause into tokens; an unclosed string or a stray character is `query.compiler.malformed`. */
export function tokenize(text: string): SoqlToken[] {
  const tokens: SoqlToken[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const at = i;
    if (char === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw SocrataError.malformed(`Unterminated string starting at position ${at + 1}`, { position: at + 1 });
        if (text[i] === "'") {
          // SoQL escapes a quote by doubling it.
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', text: value, at });
      continue;
    }
    if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) throw SocrataError.malformed(`Unterminated identifier starting at position ${at + 1}`, { position: at + 1 });
      tokens.push({ kind: 'identifier', text: text.slice(i + 1, end), at });
      i = end + 1;
      continue;
    }
    const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (number && (char !== '-' || !lastIsOperand(tokens))) {
      tokens.push({ kind: 'number', text: number[0], at });
      i += number[0].length;
      continue;
    }
    const identifier = /^:?[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (identifier) {
      tokens.push({ kind: 'identifier', text: identifier[0], at });
      i += identifier[0].length;
      continue;
    }
    if (text.startsWith(':*', i)) {
      tokens.push({ kind: 'identifier', text: ':*', at });
      i += 2;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, i));
    if (!symbol) throw SocrataError.malformed(`Unexpected character '${char}' at position ${at + 1}`, { position: at + 1 });
    tokens.push({ kind: 'symbol', text: symbol, at });
    i += symbol.length;
  }
  return tokens;
}

function lastIsOperand(tokens: readonly SoqlToken[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && (last.kind !== 'symbol' || last.text === ')');
}

/** Whether a token is the keyword `word` (case-insensitive). */
export function isKeyword(token: SoqlToken | undefined, word: string): boolean {
  return token?.kind === 'identifier' && token.text.toUpperCase() === word;
}
