import type { Command } from './command.js';
import { exitCodeHelp } from './exit-code.js';

/** The page `kaifang --help` prints. */
export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'kaifang: typed access to public open-data portals, and a local sandbox portal to try it on.',
    '',
    'Usage: kaifang <command> [options]',
    '       kaifang <command> --help',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     Show this help',
    '      --version  Print the version',
    '',
    ...exitCodes(),
  ].join('\n');
}

/** The page `kaifang <command> --help` prints. */
export function commandHelp(command: Command): string {
  const rows = [
    ...Object.entries(command.options).map(([name, option]) => {
      const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.value ? ` ${option.value}` : ''}`;
      const text = option.default === undefined ? option.description : `${option.description} (default: ${option.default})`;
      return [flag, text] as const;
    }),
    ['-h, --help', 'Show this help'] as const,
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: kaifang ${command.name}${command.arguments ? ` ${command.arguments}` : ''}${Object.keys(command.options).length ? ' [options]' : ''}`,
    '',
    command.description,
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    ...(command.examples.length ? ['', 'Examples:', ...command.examples.map((example) => `  ${example}`)] : []),
    '',
    ...exitCodes(),
  ].join('\n');
}

function exitCodes(): string[] {
  return ['Exit codes:', ...exitCodeHelp.map(([code, text]) => `  ${String(code).padEnd(3)}  ${text}`)];
}
