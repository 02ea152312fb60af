import { VERSION } from '../http/version.js';
import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { ExitCode } from './exit-code.js';
import { commandHelp, mainHelp } from './help-text.js';
import { parseCommandLine } from './parse-command-line.js';
import { UsageError } from './usage-error.js';

/** What {@link runCli} needs besides the arguments. */
export interface RunCliOptions {
  readonly commands: readonly Command[];
  readonly io: CliIo;
  /** Aborted on SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
}

/**
 * Runs one command line (without `node` and the script) and resolves with its exit code.
 * Never throws: usage errors print the usage on stderr (exit 2), failures print their message
 * on stderr (exit 1).
 */
export async function runCli(args: readonly string[], options: RunCliOptions): Promise<ExitCode> {
  const { commands, io } = options;
  let running: string | undefined;
  try {
    const [first, ...rest] = args;
    if (first === undefined) throw new UsageError('no command given');
    if (first === '--help' || first === '-h' || first === 'help') return help(rest[0], options);
    if (first === '--version') {
      if (rest.length) throw new UsageError(`unexpected argument '${rest[0]}'`);
      io.out(VERSION);
      return ExitCode.ok;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option '${optionName(first)}'`);
    const command = findCommand(commands, first);
    const parsed = parseCommandLine(command, rest);
    if (parsed.help) {
      io.out(commandHelp(command));
      return ExitCode.ok;
    }
    running = command.name;
    return await command.run({ values: parsed.values, positionals: parsed.positionals, io, signal: options.signal });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kaifang${error.command ? ` ${error.command}` : ''}: ${error.message}`);
      io.err('');
      const command = error.command === undefined ? undefined : commands.find((candidate) => candidate.name === error.command);
      io.err(command ? commandHelp(command) : mainHelp(commands));
      return ExitCode.usage;
    }
    io.err(`kaifang${running ? ` ${running}` : ''}: ${error instanceof Error ? error.message : String(error)}`);
    return ExitCode.failure;
  }
}

function help(name: string | undefined, { commands, io }: RunCliOptions): ExitCode {
  io.out(name === undefined ? mainHelp(commands) : commandHelp(findCommand(commands, name)));
  return ExitCode.ok;
}

function findCommand(commands: readonly Command[], name: string): Command {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`unknown command '${name}'`);
  return command;
}

/** The option's name without any `=value`, which could be a secret. */
function optionName(arg: string): string {
  return arg.split('=')[0] ?? arg;
}
