import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { idCommand } from '../../../src/cli/commands/id.js';
import { ExitCode } from '../../../src/cli/exit-code.js';
import { runCli } from '../cli-process.js';
import { runInProcess } from '../in-process.js';

async function explain(code: string, values: Record<string, string | boolean> = {}): Promise<{ code: ExitCode; out: string }> {
  const lines: string[] = [];
  const io: CliIo = { out: (line) => lines.push(line), err: (line) => lines.push(line) };
  const exit = await idCommand.run({ values, positionals: [code], io, signal: new AbortController().signal });
  return { code: exit, out: lines.join('\n') };
}

describe('kaifang id', () => {
  it('explains a valid USCC with its authority, type, region and organisation code', async () => {
    const result = await explain('91330108MA27YJ5H56');
    expect(result.code).toBe(ExitCode.ok);
    expect(result.out).toMatch(/^91330108MA27YJ5H56: unified social credit code .*, valid$/m);
    expect(result.out).toMatch(/^ {2}authority +9 工商$/m);
    expect(result.out).toMatch(/^ {2}region +330108$/m);
  });

  it('exits 1 with the reason for a code whose check character is wrong', async () => {
    const result = await explain('91330108MA27YJ5H57');
    expect(result.code).toBe(ExitCode.failure);
    expect(result.out).toMatch(/NOT valid \(check_character\)/);
  });

  it('masks a resident ID and never prints its birth date', async () => {
    const result = await explain('11010519491231002X');
    expect(result.code).toBe(ExitCode.ok);
    expect(result.out).toContain('110105********002X');
    expect(result.out).not.toContain('19491231');
    expect(result.out).not.toContain('1949-12-31');
    expect(result.out).toMatch(/^ {2}sex +female$/m);
  });

  it('reads a 15-digit first-generation ID as its 18-digit form and says it could be a certificate', async () => {
    const result = await explain('110105491231002');
    expect(result.out).toContain('110105********002X');
    expect(result.out).toMatch(/^note: .*certificate/m);
  });

  it('explains a food licence with a check digit warning as still valid', async () => {
    const good = await explain('JY13301080111719', { json: true });
    expect(JSON.parse(good.out)).toMatchObject({ kind: 'food-license', valid: true, warnings: [], parts: { kind: 'food-business', province: '33' } });
    const warned = await explain('JY13301080111718');
    expect(warned.code).toBe(ExitCode.ok);
    expect(warned.out).toMatch(/^warning: check_digit: /m);
  });

  it('takes a certificate number when told the kind', async () => {
    const result = await explain('110330100001234', { kind: 'certificate' });
    expect(result.code).toBe(ExitCode.ok);
    expect(result.out).toMatch(/certificate number, valid/);
  });

  it('exits 1 for text that is no known identifier, masking any ID inside it', async () => {
    const result = await explain('hello');
    expect(result.code).toBe(ExitCode.failure);
    expect(result.out).toMatch(/not a known identifier/);
  });

  it('normalises full-width input as a process and exits 0 for a valid code, 2 without a code', async () => {
    const [valid, missing] = await Promise.all([runCli(['id', '９１３３０１０８ＭＡ２７ＹＪ５Ｈ５６']), runInProcess(['id'])]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/^91330108MA27YJ5H56: .*valid$/m);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^kaifang id: which code\?/);
  });
});
