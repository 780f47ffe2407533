import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/sheet/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 80, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

const MB = 1024 * 1024;

describe('the import progress bar', () => {
  it('draws on a terminal for a large file, and clears its line when done', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressBar(10 * MB, 'theo-doi.xlsx', stream);
    bar.share(0.5);
    expect(written.at(-1)).toMatch(/^\rtheo-doi\.xlsx \[#+\.+\]  50%/);
    bar.rows(2048);
    bar.done();
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays silent when stderr is not a terminal, and for a small file', () => {
    for (const [tty, size] of [[false, 50 * MB], [true, 100 * 1024]] as const) {
      const { stream, written } = fakeStream(tty);
      const bar = progressBar(size, 'nho.csv', stream);
      bar.share(1);
      bar.done();
      expect(written).toEqual([]);
    }
  });
});
