import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

async function example(name: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', `examples/${name}`], { cwd: root, timeout: 30_000 });
  return stdout;
}

describe('sync examples', () => {
  it('the parking poller prints lots whose free spaces changed between polls', async () => {
    const output = await example('parking-poller.ts');
    expect(output).toMatch(/poll 1 .*: 3128 new lots/);
    expect(output).toMatch(/poll 2 .*: 0 new lots, [1-9]\d* lots with other free spaces/);
    expect(output).toContain('→');
  });

  it('the license mirror reports exactly the sandbox mutation on its second run', async () => {
    const output = await example('license-mirror.ts');
    expect(output).toContain('first run: 2000 licenses mirrored');
    expect(output).toContain('second run: 3 added, 2 updated, 1 removed');
    expect(output).toContain('mirror has 2002 lines; the sandbox changed 6 rows');
  });
});
