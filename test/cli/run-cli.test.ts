import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.js';
import { commands } from '../../src/cli/command-table.js';
import type { Command } from '../../src/cli/command.js';
import { ExitCode } from '../../src/cli/exit-code.js';
import { runCli } from '../../src/cli/run-cli.js';
import { VERSION } from '../../src/http/version.js';

interface Run {
  readonly code: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(args: string[], table: readonly Command[] = commands): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const code = await runCli(args, { commands: table, io, signal: new AbortController().signal });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A command that reports what it was given, to check parsing without side effects. */
const echo: Command = {
  name: 'echo',
  summary: 'Prints its arguments',
  arguments: '[word]',
  maxPositionals: 1,
  description: 'Prints its arguments.',
  options: { loud: { type: 'boolean', short: 'l', description: 'Shout' }, prefix: { type: 'string', value: '<text>', description: 'Prefix' } },
  examples: [],
  async run({ values, positionals, io }) {
    io.out(JSON.stringify({ values, positionals }));
    return ExitCode.ok;
  },
};

const failing: Command = {
  name: 'fail',
  summary: 'Always fails',
  description: 'Always fails.',
  options: {},
  examples: [],
  async run() {
    throw new Error('portal unreachable');
  },
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('runCli', () => {
  it('prints the main help for --help, -h and help, listing every command and exit code', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const result = await run(args);
      expect(result.code).toBe(ExitCode.ok);
      expect(result.stderr).toBe('');
      for (const command of commands) expect(result.stdout).toMatch(new RegExp(`^ {2}${command.name} +${escape(command.summary)}$`, 'm'));
      expect(result.stdout).toMatch(/^ {2}0 +success$/m);
      expect(result.stdout).toMatch(/^ {2}1 +failure/m);
      expect(result.stdout).toMatch(/^ {2}2 +usage error/m);
      expect(result.stdout).toMatch(/^ {2}130 +interrupted/m);
    }
  });

  it('prints the same command page for --help, -h and help <command>, with options, defaults and exit codes', async () => {
    const pages = await Promise.all([run(['sandbox', '--help']), run(['sandbox', '-h']), run(['help', 'sandbox'])]);
    for (const page of pages) {
      expect(page.code).toBe(ExitCode.ok);
      expect(page.stdout).toBe(pages[0]?.stdout);
    }
    const page = pages[0]?.stdout ?? '';
    expect(page).toMatch(/^Usage: kaifang sandbox \[options\]$/m);
    expect(page).toMatch(/^ {6}--flavor <name> +Portal family to imitate: zhejiang, ckan, socrata or opendatasoft \(default: zhejiang\)$/m);
    expect(page).toMatch(/^ {2}-p, --port <port> +Port to listen on; 0 picks a free one \(default: 8787\)$/m);
    expect(page).toMatch(/^ {2}-h, --help +Show this help$/m);
    expect(page).toMatch(/^ {2}130 +interrupted/m);
  });

  it('answers --help before checking the other options', async () => {
    const result = await run(['sandbox', '--port', 'nope', '--help']);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout).toMatch(/^Usage: kaifang sandbox/m);
  });

  it('prints the version for --version and rejects anything after it', async () => {
    expect(await run(['--version'])).toEqual({ code: ExitCode.ok, stdout: VERSION, stderr: '' });
    const extra = await run(['--version', 'now']);
    expect(extra.code).toBe(ExitCode.usage);
    expect(extra.stderr).toMatch(/^kaifang: unexpected argument 'now'$/m);
  });

  it('exits 2 with the main usage when no command, an unknown command or an unknown help topic is given', async () => {
    for (const [args, message] of [
      [[], "kaifang: no command given"],
      [['serve'], "kaifang: unknown command 'serve'"],
      [['help', 'serve'], "kaifang: unknown command 'serve'"],
      [['--verbose'], "kaifang: unknown option '--verbose'"],
    ] as const) {
      const result = await run([...args]);
      expect(result.code).toBe(ExitCode.usage);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toBe(message);
      expect(result.stderr).toMatch(/^Usage: kaifang <command> \[options\]$/m);
    }
  });

  it('never echoes the value of an unknown option', async () => {
    for (const args of [['--app-secret=s3cr3t'], ['sandbox', '--app-secret=s3cr3t'], ['sandbox', '--token', 's3cr3t']]) {
      const result = await run(args);
      expect(result.code).toBe(ExitCode.usage);
      expect(result.stderr).not.toContain('s3cr3t');
    }
  });

  it('exits 2 naming the option for each malformed sandbox value, before starting anything', async () => {
    const cases: [string[], string][] = [
      [['--flavor', 'arcgis'], "--flavor must be one of zhejiang, ckan, socrata, opendatasoft, got 'arcgis'"],
      [['--scale', 'huge'], "--scale must be one of small, full, got 'huge'"],
      [['--port', '99999'], "--port must be a whole number from 0 to 65535, got '99999'"],
      [['--port=-1'], "--port must be a whole number from 0 to 65535, got '-1'"],
      [['--port', 'abc'], "--port must be a whole number from 0 to 65535, got 'abc'"],
      [['--port', '80.5'], "--port must be a whole number from 0 to 65535, got '80.5'"],
      [['--seed', '1.5'], "--seed must be a whole number from -9007199254740991 to 9007199254740991, got '1.5'"],
      [['--faults', '1.5'], "--faults must be a number from 0 to 1, got '1.5'"],
      [['--faults', 'lots'], "--faults must be a number from 0 to 1, got 'lots'"],
      [['--faults', '-0.1'], "option '--faults' argument is ambiguous"],
      [['--host', ''], '--host needs a value'],
      [['--port'], "option '-p, --port <value>' argument missing"],
      [['extra'], "unexpected argument 'extra'"],
    ];
    for (const [args, message] of cases) {
      const result = await run(['sandbox', ...args]);
      expect(result.code, args.join(' ')).toBe(ExitCode.usage);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr.split('\n')[0], args.join(' ')).toBe(`kaifang sandbox: ${message}`);
      expect(result.stderr).toMatch(/^Usage: kaifang sandbox \[options\]$/m);
    }
  });

  it('hands a command its options and positionals, the last of a repeated option winning', async () => {
    const result = await run(['echo', '-l', '--prefix', 'a', '--prefix=b', 'word'], [echo]);
    expect(result.code).toBe(ExitCode.ok);
    expect(JSON.parse(result.stdout)).toEqual({ values: { loud: true, prefix: 'b' }, positionals: ['word'] });
    const tooMany = await run(['echo', 'one', 'two'], [echo]);
    expect(tooMany.code).toBe(ExitCode.usage);
    expect(tooMany.stderr.split('\n')[0]).toBe("kaifang echo: unexpected argument 'two'");
  });

  it('exits 1 with the message on stderr when a command fails', async () => {
    const result = await run(['fail'], [failing]);
    expect(result).toEqual({ code: ExitCode.failure, stdout: '', stderr: 'kaifang fail: portal unreachable' });
  });
});
