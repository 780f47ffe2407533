/** The first bytes of a file, which say what it is (a PDF, a ZIP, an SQLite database, a CSV's encoding). */
import fs from 'node:fs';

/**
 * Up to `length` bytes from the start (fewer when the file is shorter). Opened without blocking,
 * so a FIFO named by mistake gives what is there instead of waiting for a writer.
 */
export function firstBytes(file: string, length: number): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, 0));
  } finally {
    fs.closeSync(fd);
  }
}
