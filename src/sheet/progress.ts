/**
 * A progress bar on stderr for long imports: only on a terminal, only for files big enough to
 * take a while, redrawn at most ten times a second, erased when done.
 */
export interface Progress {
  /** The share of the file read, 0 to 1. */
  share(read: number): void;
  rows(count: number): void;
  done(): void;
}

/** The terminal the bar is drawn on (the CLI's stderr); none, no bar. */
export type ProgressStream = { isTTY?: boolean; columns?: number; write(text: string): unknown };

const NONE: Progress = { share() {}, rows() {}, done() {} };
const WORTH_SHOWING = 2 * 1024 * 1024;

export function progressBar(fileBytes: number, label: string, stream: ProgressStream | undefined): Progress {
  if (stream === undefined || stream.isTTY !== true || fileBytes < WORTH_SHOWING) return NONE;
  let read = 0;
  let rows = 0;
  let last = 0;
  let shown = false;
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    const share = Math.min(1, read);
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
    const filled = Math.round(share * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${rows.toLocaleString('vi-VN')} dòng`);
    shown = true;
  };
  return {
    share(n) {
      read = n;
      draw(false);
    },
    rows(n) {
      rows = n;
      if ((n & 1023) === 0) draw(false);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
