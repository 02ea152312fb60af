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
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, option] of Object.entries(command.options)) {
    options[name] = { type: option.type, ...(option.short === undefined ? {} : { short: option.short }), ...(option.multiple ? { multiple: true } : {}) };
  }
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: fillImplicitValues(command, args), options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(firstSentence(error), command.name);
  }
  const { help, ...rest } = parsed.values;
  if (help === true) return { help: true, values: {}, positionals: [] };
  const maxPositionals = command.maxPositionals ?? 0;
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, command.name);
  const values: Record<string, string | boolean | readonly string[] | undefined> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (!Array.isArray(value)) values[name] = value;
    else values[name] = command.options[name]?.multiple ? value.map(String) : value.at(-1);
  }
  return { help: false, values, positionals: parsed.positionals };
}

/** Gives each bare option with an implicit value (`--sandbox` alone) that value, so `parseArgs` can read it. */
function fillImplicitValues(command: Command, args: readonly string[]): string[] {
  const filled: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--') {
      filled.push(...args.slice(index));
      break;
    }
    const implicit = arg.startsWith('--') && !arg.includes('=') ? command.options[arg.slice(2)]?.implicit : undefined;
    if (!implicit) {
      filled.push(arg);
      continue;
    }
    const next = args[index + 1];
    if (next !== undefined && implicit.choices.includes(next)) {
      filled.push(`${arg}=${next}`);
      index++;
    } else {
      filled.push(`${arg}=${implicit.value}`);
    }
  }
  return filled;
}

function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const sentence = message.split(/\.\s/)[0] ?? message;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
