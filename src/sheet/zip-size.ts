/**
 * How many bytes of XML an .xlsx holds once inflated, from the zip's central directory at the
 * end of the file: the measure the progress bar counts against, since the compressed file is
 * read far ahead of the rows being parsed. null when the directory cannot be read (zip64, junk).
 */
import fs from 'node:fs';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

export function inflatedXmlBytes(file: string): number | null {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
        at = i;
        break;
      }
    }
    if (at < 0) return null;
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) return null;
    const directory = Buffer.alloc(directorySize);
    fs.readSync(fd, directory, 0, directorySize, directoryOffset);
    let total = 0;
    for (let p = 0; p + 46 <= directory.length && directory.readUInt32LE(p) === DIRECTORY_ENTRY; ) {
      const inflated = directory.readUInt32LE(p + 24);
      const nameLength = directory.readUInt16LE(p + 28);
      const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
      if (inflated === 0xffffffff) return null;
      if (/^xl\/(?:worksheets\/sheet\d+|sharedStrings|styles)\.xml$/.test(name)) total += inflated;
      p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    }
    return total > 0 ? total : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
