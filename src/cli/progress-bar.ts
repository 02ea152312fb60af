/** Options of {@link ProgressBar}. */
export interface ProgressBarOptions {
  /** Rows expected, when known: adds a bar, a percentage and an ETA. */
  readonly total?: number | undefined;
  /** Redraw one line in place (a terminal); otherwise print a line now and then (a log). */
  readonly tty: boolean;
  /** Milliseconds between redraws. @default 100 on a terminal, 1000 otherwise */
  readonly interval?: number;
  /** Clock in milliseconds. @default performance.now */
  readonly now?: () => number;
}

const WIDTH = 24;

/** A progress line on stderr: rows done, rows/s and, when the total is known, a bar and an ETA. */
export class ProgressBar {
  private readonly started: number;
  private lastDraw: number;
  private readonly now: () => number;
  private readonly interval: number;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly options: ProgressBarOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.interval = options.interval ?? (options.tty ? 100 : 1000);
    this.started = this.now();
    // The first draw waits one interval: a rate over the first few rows says little.
    this.lastDraw = this.started;
  }

  /** Reports `rows` done; redraws at most once per interval. */
  update(rows: number): void {
    const now = this.now();
    if (now - this.lastDraw < this.interval) return;
    this.lastDraw = now;
    this.draw(this.line(rows, now));
  }

  /** Prints the final line: rows, time taken and the average rate, with `note` (e.g. `stopped`) first. */
  finish(rows: number, note?: string): void {
    const elapsed = Math.max(this.now() - this.started, 1);
    const seconds = elapsed / 1000;
    const text = `${note ? `${note}: ` : ''}${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en-US')} rows/s)`;
    this.stream.write(this.options.tty ? `\r${text}\u001b[K\n` : `${text}\n`);
  }

  /** The progress line for `rows` done at `now`. */
  line(rows: number, now: number = this.now()): string {
    const seconds = Math.max(now - this.started, 1) / 1000;
    const rate = rows / seconds;
    const speed = `${Math.round(rate).toLocaleString('en-US')} rows/s`;
    const { total } = this.options;
    if (total === undefined || total <= 0) return `${rows.toLocaleString('en-US')} rows  ${speed}`;
    const share = Math.min(rows / total, 1);
    const filled = Math.round(share * WIDTH);
    const eta = rate > 0 ? duration(Math.max(total - rows, 0) / rate) : '?';
    return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${rows.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows  ${speed}  ETA ${eta}`;
  }

  private draw(text: string): void {
    this.stream.write(this.options.tty ? `\r${text}\u001b[K` : `${text}\n`);
  }
}

/** Seconds as `m:ss`, or `h:mm:ss` from an hour. */
export function duration(seconds: number): string {
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
