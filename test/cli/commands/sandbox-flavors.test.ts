import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.js';
import type { OptionValues } from '../../../src/cli/command.js';
import { sandboxCommand } from '../../../src/cli/commands/sandbox.js';
import { ExitCode } from '../../../src/cli/exit-code.js';

const credentialLines: Record<string, RegExp> = {
  zhejiang: /^appSecret +kaifang-sandbox-secret$/m,
  ckan: /^API token +kaifang-sandbox-token +\(Authorization header/m,
  socrata: /^app token +kaifang-sandbox-token +\(X-App-Token header/m,
  opendatasoft: /^API key +kaifang-sandbox-token +\(Authorization: Apikey/m,
};

/** Runs the command in-process until `use` is done with its banner, then stops it like SIGTERM would. */
async function serve(values: OptionValues, use: (banner: string) => Promise<void>): Promise<{ code: ExitCode; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const stop = new AbortController();
  const running = sandboxCommand.run({ values, positionals: [], io, signal: stop.signal });
  try {
    await expect.poll(() => err.includes('Serving until Ctrl-C.'), { timeout: 5_000 }).toBe(true);
    await use(out.join('\n'));
  } finally {
    stop.abort();
  }
  return { code: await running, err };
}

describe('kaifang sandbox, run in-process', () => {
  for (const flavor of ['zhejiang', 'ckan', 'socrata', 'opendatasoft']) {
    it(`serves the ${flavor} flavor, whose printed sample requests all succeed, and resolves 0 when stopped`, async () => {
      const { code, err } = await serve({ flavor, port: '0' }, async (banner) => {
        expect(banner).toMatch(new RegExp(`^kaifang sandbox: ${flavor} portal, small scale, seed 1$`, 'm'));
        expect(banner).toMatch(credentialLines[flavor] as RegExp);
        expect(banner).toMatch(new RegExp(`^ {2}createClient\\(\\{ portal: portals\\.${flavor}\\(\\{ baseUrl: 'http://127\\.0\\.0\\.1:\\d+'`, 'm'));
        expect(banner).toMatch(/^ {2}hz-parking-lots +3,128 +unconditional +杭州市停车场泊位信息$/m);
        const samples = [...banner.matchAll(/^ {2}curl '(\S+)'$/gm)].map((match) => match[1] as string);
        expect(samples.length).toBeGreaterThan(0);
        for (const sample of samples) expect((await fetch(sample)).ok, sample).toBe(true);
      });
      expect(code).toBe(ExitCode.ok);
      expect(err).toEqual(['Serving until Ctrl-C.', 'Sandbox stopped.']);
    });
  }

  it('reports the fault rate and warns when bound beyond loopback', async () => {
    const { code, err } = await serve({ port: '0', host: '0.0.0.0', faults: '0.25' }, async (banner) => {
      expect(banner).toMatch(/^faults +25% of requests$/m);
      expect(banner).toMatch(/^URL +http:\/\/0\.0\.0\.0:\d+$/m);
    });
    expect(code).toBe(ExitCode.ok);
    expect(err[0]).toBe('Warning: bound to 0.0.0.0, so other machines can reach this sandbox.');
  });

  it('resolves 1 with the reason on stderr when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const out: string[] = [];
    const err: string[] = [];
    try {
      const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
      const code = await sandboxCommand.run({ values: { port: String(port) }, positionals: [], io, signal: new AbortController().signal });
      expect(code).toBe(ExitCode.failure);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    expect(out).toEqual([]);
    expect(err).toEqual([`kaifang sandbox: cannot listen on 127.0.0.1:${port}: the port is already in use (try --port 0)`]);
  });
});
