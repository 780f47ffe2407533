/**
 * Where a long export goes as it is made: a file named by --out, written beside the target and
 * renamed when complete (a reader never sees half a file, a failure leaves no file), or stdout.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { ValidationError, t } from '../domain/errors.js';
import { beginAtomicWrite, type AtomicFile } from '../io/atomic-file.js';
import { checkOutPath } from '../io/out-path.js';
import { pausePoint } from '../db/pause-point.js';
import { cannotWrite } from './write-output.js';
import { io } from './io.js';

export interface Output {
  /** A stream for writers that need one (the XLSX writer). */
  stream: Writable;
  /** Resolves when the text may be followed by more (the stream's buffer has room). */
  write(text: string): Promise<void>;
  /** Waits for everything to reach the file and renames it into place; the path, or null for stdout. */
  finish(): Promise<string | null>;
  abort(): void;
}

async function drained(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export function openOutput(out: string | undefined, binary: boolean): Output {
  const checked = out === undefined ? ({ kind: 'stdout' } as const) : checkOutPath(out, 'nhiem-vu.xlsx', 'tasks.xlsx');
  if (checked.kind === 'stdout') {
    const { stdout } = io();
    if (binary && stdout.isTTY) {
      throw new ValidationError(t('định dạng này là tệp nhị phân, không in ra màn hình được', 'this format is binary and cannot be shown on a terminal'), t('thêm --out, ví dụ --out nhiem-vu.xlsx', 'add --out, e.g. --out tasks.xlsx'));
    }
    return {
      stream: stdout,
      write: (text) => drained(stdout, text),
      finish: async () => null,
      abort: () => {},
    };
  }
  let file: AtomicFile | null = null;
  let stream: fs.WriteStream;
  try {
    if (checked.kind === 'null') {
      stream = fs.createWriteStream(checked.path);
    } else {
      file = beginAtomicWrite(checked.path);
      stream = fs.createWriteStream('', { fd: file.fd, autoClose: false });
    }
  } catch (error) {
    throw cannotWrite(out!, error);
  }
  let failure: unknown = null;
  stream.on('error', (error) => (failure ??= error));
  const ended = new Promise<void>((resolve) => {
    stream.on('finish', resolve);
    stream.on('close', resolve);
    stream.on('error', () => resolve());
  });
  return {
    stream,
    write: async (text) => {
      if (failure) throw cannotWrite(out!, failure);
      await drained(stream, text);
    },
    async finish() {
      if (!stream.writableEnded) stream.end();
      await ended;
      if (failure) {
        file?.abort();
        throw cannotWrite(out!, failure);
      }
      await pausePoint('out:rename');
      try {
        file?.commit();
      } catch (error) {
        throw cannotWrite(out!, error);
      }
      return checked.path;
    },
    abort() {
      stream.destroy();
      file?.abort();
    },
  };
}
