import type { CliIo } from './cli-io.js';
import type { ExitCode } from './exit-code.js';

/** One option of a command, as `node:util` `parseArgs` reads it plus what `--help` shows. */
export interface CommandOption {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Placeholder of a string option's value in `--help`, e.g. `<port>`. */
  readonly value?: string;
  /** The default, as `--help` shows it; the command applies it. */
  readonly default?: string;
  /** A string option that may be given several times; its value is then the list of them all. */
  readonly multiple?: boolean;
  /**
   * A string option whose value may be left out: given bare, it takes `implicit.value`; the next
   * argument is taken as its value only when it is one of `implicit.choices` (`--sandbox ckan`).
   */
  readonly implicit?: { readonly value: string; readonly choices: readonly string[] };
}

/** Parsed option values by option name; `undefined` when not given. */
export type OptionValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** What a command runs with. */
export interface CommandContext {
  readonly values: OptionValues;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  /** Aborted on SIGINT or SIGTERM: long-running commands stop cleanly when it fires. */
  readonly signal: AbortSignal;
}

/**
 * A CLI command: one file in `src/cli/commands/`, listed in `command-table.ts`. `--help` and
 * `-h` are added to every command's options.
 */
export interface Command {
  readonly name: string;
  /** One line for the command list of `kaifang --help`. */
  readonly summary: string;
  /** Positional arguments as the usage line shows them, e.g. `<dataset>`; none by default. */
  readonly arguments?: string;
  /** Most positional arguments accepted. @default 0 */
  readonly maxPositionals?: number;
  /** A few sentences for the command's `--help` page. */
  readonly description: string;
  readonly options: Readonly<Record<string, CommandOption>>;
  /** Example invocations for `--help`. */
  readonly examples: readonly string[];
  /** Resolves with the exit code; throws `UsageError` for a bad value, anything else is a failure. */
  run(context: CommandContext): Promise<ExitCode>;
}
