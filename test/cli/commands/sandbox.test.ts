import { describe, expect, it } from 'vitest';
import { finished, startCli, waitForOutput } from '../cli-process.js';

const urlLine = /^URL +(http:\/\/\S+)$/m;

describe('kaifang sandbox as a process', () => {
  it('serves the zhejiang portal on the printed URL and stops cleanly with exit 0 on SIGTERM', async () => {
    const child = startCli(['sandbox', '--port', '0', '--seed', '3']);
    const done = finished(child);
    const banner = await waitForOutput(child, /^From the SDK:$/m);
    const url = urlLine.exec(banner)?.[1] as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner).toMatch(/^kaifang sandbox: zhejiang portal, small scale, seed 3$/m);
    expect(banner).toMatch(/^appKey +kaifang-sandbox-app$/m);
    expect(banner).toMatch(/^appSecret +kaifang-sandbox-secret$/m);
    expect(banner).toMatch(/^ {2}nb-food-licenses +3,000 +unconditional +宁波市食品经营许可证信息$/m);
    expect(banner).toMatch(/^ {2}zj-medical-practitioners +2,000 +restricted +/m);

    const samples = [...banner.matchAll(/^ {2}curl '(\S+)'$/gm)].map((match) => match[1] as string);
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const sample of samples) {
      expect(sample.startsWith(`${url}/`)).toBe(true);
      const response = await fetch(sample);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({});
    }
    const total = await fetch(`${url}/jdop_front/interfaces/cata_nb-food-licenses/get_total.do?appsecret=kaifang-sandbox-secret`);
    expect(await total.json()).toMatchObject({ status: 1, data: 3000 });

    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Sandbox stopped\./);
    await expect(fetch(total.url)).rejects.toThrow();
  });
});
