import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { sandboxCommand } from '../../../src/cli/commands/sandbox.js';
import { ExitCode } from '../../../src/cli/exit-code.js';

/** Runs `kaifang sandbox` in-process until `use` is done with its banner, then stops it like SIGTERM would. */
async function serve(use: (banner: string) => Promise<void>): Promise<ExitCode> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const stop = new AbortController();
  const running = sandboxCommand.run({ values: { port: '0' }, positionals: [], io, signal: stop.signal });
  try {
    await expect.poll(() => err.includes('Serving until Ctrl-C.'), { timeout: 5_000 }).toBe(true);
    await use(out.join('\n'));
  } finally {
    stop.abort();
  }
  return running;
}

const fact = (banner: string, label: string): string => {
  const value = new RegExp(`^${label} +(\\S+)$`, 'm').exec(banner)?.[1];
  if (value === undefined) throw new Error(`the banner has no ${label} line`);
  return value;
};

describe('kaifang sandbox and the data gateway (zhejiang, section A2)', () => {
  it('prints the app id, the secrets and the interface ids, with which a signed call over the printed URL succeeds', async () => {
    const code = await serve(async (banner) => {
      const url = fact(banner, 'URL');
      const appId = fact(banner, 'appId');
      const appSecret = fact(banner, 'appSecret');
      const userSecret = fact(banner, 'userSecret');
      expect([appId, appSecret, userSecret]).toEqual(['kaifang-sandbox', 'kaifang-sandbox-secret', 'kaifang-sandbox-user-secret']);
      expect(banner).toMatch(/^Data gateway interfaces \(sign with jimp\/sign\/createsign\.do, then call interface\/gateway\.do\):$/m);
      expect(banner).toMatch(/^ {2}nb-food-licenses +status +nbcata10486getdata +nbcata10486gettotal +nbcata10486getupdatedate +appsecret, pageNum, pageSize$/m);
      expect(banner).toMatch(/^ {2}hz-parking-lots +rows +331111zjhz\w+SynReq +- +- +userSecret, pageNumber, pageSize$/m);
      expect(banner).toMatch(
        new RegExp(`^ {2}createClient\\(\\{ portal: portals\\.zhejiang\\(\\{ baseUrl: '${url}', appId: '${appId}', appSecret: '${appSecret}', userSecret: '${userSecret}' \\}\\) \\}\\) {2}// data gateway$`, 'm'),
      );

      const rows = [...banner.matchAll(/^ {2}(\S+) +(status|code|rows) +(\S+) +(\S+) +(\S+) +(.+)$/gm)];
      expect(rows.map((row) => row[1])).toEqual(['hz-parking-lots', 'nb-business-licenses', 'nb-food-licenses', 'zj-medical-practitioners']);
      for (const [, dataset, style, dataInterface, , , params] of rows) {
        const business: Record<string, string> = { pageSize: '2' };
        for (const name of (params as string).split(', ')) {
          if (name === 'appsecret' || name === 'appSecret') business[name] = appSecret;
          if (name === 'userSecret') business[name] = userSecret;
        }
        const fields = {
          app_id: appId,
          interface_id: dataInterface as string,
          version: '1.0.0',
          charset: 'utf-8',
          timestamp: String(Date.now()),
          origin: '0',
          biz_content: JSON.stringify(business),
        };
        const form = { 'content-type': 'application/x-www-form-urlencoded' };
        const sign = await (await fetch(`${url}/jimp/sign/createsign.do`, { method: 'POST', headers: form, body: new URLSearchParams({ ...fields, sign: '' }) })).text();
        expect(sign, dataset).toMatch(/^[0-9a-f]{64}$/);
        const outer = await (await fetch(`${url}/interface/gateway.do`, { method: 'POST', headers: form, body: new URLSearchParams({ ...fields, sign }) })).json();
        if (dataset === 'zj-medical-practitioners') {
          // Restricted: the served sandbox approves no app for it.
          expect(outer.code).toBe(403);
          continue;
        }
        expect(outer.code, dataset).toBe(200);
        const inner = JSON.parse(outer.data);
        expect(style === 'status' ? inner.status : style === 'code' ? inner.code : inner.success, dataset).toBe(style === 'status' ? 1 : style === 'code' ? '1' : true);
      }
    });
    expect(code).toBe(ExitCode.ok);
  });
});
