import type { OptionValues } from './command.js';
import { UsageError } from './usage-error.js';

/** Reads and checks option values, turning a bad one into a `UsageError` that names the option. */
export class OptionReader {
  constructor(
    private readonly values: OptionValues,
    private readonly command: string,
  ) {}

  /** A string option, or `fallback` when absent. An empty value is a usage error. */
  string(name: string, fallback: string): string;
  string(name: string): string | undefined;
  string(name: string, fallback?: string): string | undefined {
    const given = this.values[name];
    const value = typeof given === 'object' ? given.at(-1) : given;
    if (value === undefined || typeof value === 'boolean') return fallback;
    if (value.trim() === '') throw this.error(`--${name} needs a value`);
    return value;
  }

  /** Every value of a repeatable string option, in order; none when absent. An empty value is a usage error. */
  list(name: string): readonly string[] {
    const given = this.values[name];
    const values = given === undefined || typeof given === 'boolean' ? [] : typeof given === 'string' ? [given] : given;
    for (const value of values) if (value.trim() === '') throw this.error(`--${name} needs a value`);
    return values;
  }

  /** Whether a boolean option was given. */
  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** One of `choices`, or `fallback` when absent. */
  choice<const T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.string(name, fallback);
    if (!(choices as readonly string[]).includes(value)) throw this.error(`--${name} must be one of ${choices.join(', ')}, got '${value}'`);
    return value as T;
  }

  /** A whole number within `[min, max]`, or `fallback` when absent. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const number = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
      throw this.error(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
    }
    return number;
  }

  /** A number within `[0, 1]`, or `undefined` when absent. */
  fraction(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const number = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= 0 && number <= 1)) throw this.error(`--${name} must be a number from 0 to 1, got '${value}'`);
    return number;
  }

  /** A usage error naming this command, for checks the reader cannot make. */
  error(message: string): UsageError {
    return new UsageError(message, this.command);
  }
}
