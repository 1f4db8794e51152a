/** "850 ms", "4.2 s", "3 min 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** "1200/3000 lines (40%), 350 lines/s, ETA 5.1 s". The total is counted ahead, so it may be short by a line or two. */
export function progressText(done: number, total: number, elapsedMs: number): string {
  const all = Math.max(total, done);
  const rate = elapsedMs > 0 ? (1000 * done) / elapsedMs : 0;
  const percent = all ? Math.floor((100 * done) / all) : 100;
  const eta = rate > 0 ? formatDuration((1000 * (all - done)) / rate) : '…';
  return `${done}/${all} lines (${percent}%), ${Math.round(rate)} lines/s, ETA ${eta}`;
}

/** "[#########-----------]" */
export function progressBar(done: number, total: number, width = 24): string {
  const filled = total ? Math.min(width, Math.floor((width * done) / total)) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** How often a terminal's bar is redrawn, and how often a log (not a terminal) gets a line. */
const REDRAW_MS = 100;
const LOG_EVERY_MS = 5000;

/**
 * Shows an import's progress on a stream (stderr): a bar redrawn in place when it is a terminal,
 * otherwise a plain line every few seconds, so logs of long imports show life without flooding.
 */
export class ImportProgress {
  private done = 0;
  private readonly started: number;
  private shown: number;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    this.shown = this.started;
  }

  tick(): void {
    this.done++;
    const now = this.now();
    if (now - this.shown < (this.out.isTTY ? REDRAW_MS : LOG_EVERY_MS)) return;
    this.shown = now;
    this.show(now);
  }

  /** Leaves the finished bar on its own line (a log already has its periodic lines). */
  finish(): void {
    if (!this.out.isTTY) return;
    this.show(this.now());
    this.out.write('\n');
  }

  private show(now: number): void {
    const text = progressText(this.done, this.total, now - this.started);
    if (this.out.isTTY) this.out.write(`\r${progressBar(this.done, this.total)} ${text}\x1b[K`);
    else this.out.write(`import: ${text}\n`);
  }
}
