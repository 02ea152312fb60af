import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** A line each example prints only when it did its job against the sandbox. */
const keyLines: Readonly<Record<string, RegExp>> = {
  'demo.ts': /^3128 lots, \d+ free spaces in all$/m,
  'parking-poller.ts': /^poll 2 .*: 0 new lots, [1-9]\d* lots with other free spaces/m,
  'license-mirror.ts': /^second run: 3 added, 2 updated, 1 removed$/m,
  'takeout-monitor.ts': /^verified 1227 merchants in \d+ ms \(food-business, snapshot mode\)$/m,
  'angel-code.ts': /^doctor, right name +110330100000001 +张\*\* +OPEN/m,
  'udata-adapter.ts': /^udata adapter: 7 of 7 checks passed$/m,
};

const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((name) => /\.(ts|mts|js|mjs)$/.test(name)).sort();

describe('every file in examples/', () => {
  it('has at least the examples the guides walk through', () => {
    expect(examples).toEqual(expect.arrayContaining(Object.keys(keyLines)));
  });

  it.concurrent.each(examples)('%s runs against the sandbox, exits 0 and prints its key line', async (name) => {
    const { stdout, stderr } = await run('npx', ['tsx', `examples/${name}`], { cwd: root, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
    expect(stdout.trim().length, `${name} printed nothing; stderr: ${stderr}`).toBeGreaterThan(0);
    // Every example talks only to the sandbox: nothing may be printed about a real network.
    expect(stderr).not.toMatch(/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/);
    const keyLine = keyLines[name];
    if (keyLine) expect(stdout).toMatch(keyLine);
  }, 60_000);
});
