import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/cli/csv-line.js';
import { duration, ProgressBar } from '../../src/cli/progress-bar.js';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('the progress bar', () => {
  it('shows a bar, percentage, rows/s and an ETA from the rate so far when the total is known', () => {
    let now = 0;
    const bar = new ProgressBar(capture().stream, { total: 10_000, tty: false, now: () => now });
    now = 2000;
    expect(bar.line(2500)).toBe('[######------------------]  25%  2,500/10,000 rows  1,250 rows/s  ETA 0:06');
  });

  it('shows rows and rows/s only when the total is unknown', () => {
    let now = 0;
    const bar = new ProgressBar(capture().stream, { tty: false, now: () => now });
    now = 500;
    expect(bar.line(1000)).toBe('1,000 rows  2,000 rows/s');
  });

  it('redraws in place on a terminal at most once per interval, and ends with a summary line', () => {
    let now = 0;
    const out = capture();
    const bar = new ProgressBar(out.stream, { total: 100, tty: true, interval: 100, now: () => now });
    bar.update(1);
    now = 150;
    bar.update(50);
    now = 200;
    bar.update(60);
    now = 1000;
    bar.finish(100);
    expect(out.text().split('\r').filter(Boolean)).toEqual([expect.stringMatching(/^\[#{12}-{12}\] +50% {2}50\/100 rows/), expect.stringMatching(/^100 rows in 1\.0 s \(100 rows\/s\)\u001b\[K\n$/)]);
  });

  it('writes durations as m:ss or h:mm:ss', () => {
    expect(duration(0)).toBe('0:00');
    expect(duration(61.2)).toBe('1:02');
    expect(duration(3725)).toBe('1:02:05');
  });
});

describe('CSV lines', () => {
  it('quotes only cells with commas, quotes, line breaks or edge spaces, and writes objects as JSON', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', ' pad', null, undefined, 3, { k: 1 }])).toBe('a,"b,c","say ""hi""","x\ny"," pad",,,3,"{""k"":1}"');
  });
});
