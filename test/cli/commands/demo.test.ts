import { describe, expect, it } from 'vitest';
import { finished, runCli, startCli, waitForOutput } from '../cli-process.js';

describe.concurrent('kaifang demo', () => {
  it('walks through the SDK against a loopback sandbox and exits 0', async () => {
    const result = await runCli(['demo']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const sections = [...result.stdout.matchAll(/^== (.+)$/gm)].map((match) => match[1]);
    expect(sections).toEqual([
      'Sandbox portal',
      'Catalogue search: 许可',
      'Dataset metadata: nb-food-licenses',
      'Food licenses by status (3000 rows pulled and validated)',
      'A few licenses',
      'Parking: top 5 lots by free spaces (KXBW)',
      'Signed gateway call: practitioner verification',
      'Done',
    ]);
    expect(result.stdout).toMatch(/serving on http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toMatch(/^ {2}nb-food-licenses +宁波市食品经营许可证信息$/m);
    const counts = ['有效', '注销', '吊销', '撤销'].map((status) => Number(new RegExp(`^ {2}${status} +(\\d+)$`, 'm').exec(result.stdout)?.[1]));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(3000);
    expect(Number(/expired by YXQZ \(before \d{4}-\d{2}-\d{2}\): (\d+)$/m.exec(result.stdout)?.[1])).toBeGreaterThan(0);
    expect(result.stdout.match(/^ {2}JY\d{14} /gm)).toHaveLength(5);
    expect(result.stdout.match(/^ {2}HZ\d{6}P\d{5} /gm)).toHaveLength(5);
    expect(result.stdout).toMatch(/\+ 林晓雨: name matches \(临床, 注册\)$/m);
    expect(result.stdout).toMatch(/\+ 林晓云: name does NOT match \(临床, 注册\)$/m);
  });

  it('exits 130 when interrupted part-way', async () => {
    const child = startCli(['demo']);
    const done = finished(child);
    await waitForOutput(child, /^== Sandbox portal$/m);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stdout).not.toMatch(/^== Done$/m);
  });
});
