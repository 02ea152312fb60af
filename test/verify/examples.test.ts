import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

async function example(name: string): Promise<string> {
  const { stdout } = await run('npx', ['tsx', `examples/${name}.ts`], { cwd: root, timeout: 60_000 });
  return stdout;
}

describe('the verification examples', () => {
  it('takeout-monitor reports counts per status and the shops to remove', async () => {
    const output = await example('takeout-monitor');
    expect(output).toMatch(/verified 1227 merchants in \d+ ms \(food-business, snapshot mode\)/);
    for (const status of ['valid', 'expired', 'revoked', 'not_found', 'invalid_format', 'holder_mismatch', 'out_of_scope']) {
      expect(output).toMatch(new RegExp(`^  ${status} +\\d+ `, 'm'));
    }
    expect(output).toMatch(/^ {2}not_found +25 /m);
    expect(output).toMatch(/^shops to remove: \d+$/m);
    expect(output).toMatch(/^  S\d{5} +JY\d{14} +(revoked|expired|out_of_scope) /m);
    expect(output).toContain('shops to re-check later (register unreachable): 0');
  }, 60_000);

  it('angel-code opens the gate for a valid pair and denies a wrong name and an unknown certificate, with masked names', async () => {
    const output = await example('angel-code');
    expect(output).toMatch(/doctor, right name +110330100000001 +张\*\* +OPEN/);
    expect(output).toMatch(/nurse, right name +350330200000002 +李\*\* +OPEN/);
    expect(output).toMatch(/doctor, wrong name +110330100000001 +张\* +DENY +holder_mismatch/);
    expect(output).toMatch(/unknown certificate +110330199999999 +王\* +DENY +not_found/);
    expect(output).toMatch(/doctor at the nurse lane .* DENY +out_of_scope/);
    expect(output).not.toMatch(/张三丰|李秀英/);
  }, 60_000);
});
