import { parseArgs } from 'node:util';
import type { Command, OptionValues } from './command.js';
import { UsageError } from './usage-error.js';

/** A command's parsed arguments, with `help` set when `--help` or `-h` was given. */
export interface ParsedCommandLine {
  readonly help: boolean;
  readonly values: OptionValues;
  readonly positionals: readonly string[];
}

/**
 * Parses a command's arguments strictly with `node:util` `parseArgs`. Its errors become a
 * `UsageError` carrying only the first sentence of its message, which names the option but
 * never an option's value, so a mistyped `--app-secret=…` is not echoed.
 */
export function parseCommandLine(command: Command, args: readonly string[]): ParsedCommandLine {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, option] of Object.entries(command.options)) {
    options[name] = option.short === undefined ? { type: option.type } : { type: option.type, short: option.short };
  }
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(firstSentence(error), command.name);
  }
  const { help, ...rest } = parsed.values;
  if (help === true) return { help: true, values: {}, positionals: [] };
  const maxPositionals = command.maxPositionals ?? 0;
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, command.name);
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, value] of Object.entries(rest)) values[name] = Array.isArray(value) ? value.at(-1) : value;
  return { help: false, values, positionals: parsed.positionals };
}

function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const sentence = message.split(/\.\s/)[0] ?? message;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
