/**
 * Where a long export goes as it is made: a file named by --out, written beside the target and
 * renamed when complete (a reader never sees half a file, a failure leaves no file), or stdout.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { ValidationError, t } from '../domain/errors.js';
import { outTarget } from './write-output.js';

export interface Output {
  /** A stream for writers that need one (the XLSX writer). */
  stream: Writable;
  /** Resolves when the text may be followed by more (the stream's buffer has room). */
  write(text: string): Promise<void>;
  /** Waits for everything to reach the file and renames it into place; the path, or null for stdout. */
  finish(): Promise<string | null>;
  abort(): void;
}

function cannotWrite(out: string, error: unknown): ValidationError {
  const code = (error as { code?: string }).code ?? '';
  return new ValidationError(t(`không ghi được tệp "${out}" (${code})`, `cannot write "${out}" (${code})`), t('kiểm tra quyền ghi, hoặc tệp đang mở trong Excel', 'check permissions, or whether Excel has it open'));
}

async function drained(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export function openOutput(out: string | undefined, binary: boolean): Output {
  if (out === undefined) {
    if (binary && process.stdout.isTTY) {
      throw new ValidationError(t('định dạng này là tệp nhị phân, không in ra màn hình được', 'this format is binary and cannot be shown on a terminal'), t('thêm --out, ví dụ --out nhiem-vu.xlsx', 'add --out, e.g. --out tasks.xlsx'));
    }
    return {
      stream: process.stdout,
      write: (text) => drained(process.stdout, text),
      finish: async () => null,
      abort: () => {},
    };
  }
  const target = outTarget(out, 'nhiem-vu.xlsx', 'tasks.xlsx');
  const temporary = `${target}.${process.pid}.tmp`;
  const stream = fs.createWriteStream(temporary);
  let failure: unknown = null;
  stream.on('error', (error) => (failure ??= error));
  const closed = new Promise<void>((resolve) => stream.on('close', resolve));
  return {
    stream,
    write: (text) => drained(stream, text),
    async finish() {
      if (!stream.writableEnded) stream.end();
      await closed;
      if (failure) {
        fs.rmSync(temporary, { force: true });
        throw cannotWrite(out, failure);
      }
      try {
        fs.renameSync(temporary, target);
      } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw cannotWrite(out, error);
      }
      return target;
    },
    abort() {
      stream.destroy();
      fs.rmSync(temporary, { force: true });
    },
  };
}
