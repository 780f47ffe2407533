/**
 * The one way the tool writes a whole file: a temporary file with an exclusive, unpredictable
 * name in the target's own folder (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600 while it is partial, so
 * a planted name or symlink is never written through and nobody else reads half a report),
 * fsynced, then renamed over the target (or linked under a new name that must not exist yet),
 * and the folder fsynced. A temporary file is removed on every error, at exit and on Ctrl+C
 * (removePendingTemporaries, called by the CLI's signal handler).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// node:crypto (fourteen modules) only when a file is written: every command imports this file
// through the CLI's entry, and reading ones such as `tasks due` never write.
let crypto: typeof import('node:crypto') | undefined;
const randomHex = (bytes: number): string => (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomBytes(bytes).toString('hex');

const pending = new Set<string>();

/** Removes the temporary files of writes still under way; safe to call from a signal handler. */
export function removePendingTemporaries(): void {
  for (const file of pending) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // Nothing more can be done while the process stops.
    }
  }
  pending.clear();
}

export interface AtomicFile {
  /** The temporary file, for writers that need a path (SQLite's backup API). */
  readonly temporary: string;
  /** Its descriptor while open; -1 once closed with closeDescriptor(). */
  readonly fd: number;
  /** Closes the descriptor early (the temporary file stays reserved for a writer that reopens it by path). */
  closeDescriptor(): void;
  /** fsyncs, gives the file its final mode and renames it over the target. */
  commit(): void;
  /** fsyncs and links it under `name` in the same folder, never replacing a file: false when the name is taken (the temporary file stays, to try another name). */
  publishAs(name: string): boolean;
  /** Removes the temporary file. */
  abort(): void;
}

const CREATE = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

/** What a new file gets once finished; the CLI sets it from the user's umask at start. */
let newFileMode = 0o644;

export function setNewFileMode(mode: number): void {
  newFileMode = mode & 0o777;
}

/** The mode the finished file gets: the one it replaces, else what the user's umask gives a new file (setNewFileMode). */
function finalModeFor(target: string): number {
  try {
    const stat = fs.lstatSync(target);
    if (stat.isFile()) return stat.mode & 0o777;
  } catch {
    // No file yet.
  }
  return newFileMode;
}

function syncFolder(dir: string): void {
  let fd = -1;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some systems (Windows, some shares) cannot fsync a folder; the rename still happened.
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

/** Begins an atomic write of `target`; `mode` is the finished file's mode (default: as described above). */
export function beginAtomicWrite(target: string, options: { mode?: number } = {}): AtomicFile {
  const dir = path.dirname(target);
  // Short enough that a long target name still leaves room for the suffix within NAME_MAX.
  const stem = path.basename(target).slice(0, 60);
  let temporary = '';
  let fd = -1;
  for (let attempt = 0; fd < 0; attempt += 1) {
    temporary = path.join(dir, `.${stem}.${randomHex(9)}.tmp`);
    try {
      fd = fs.openSync(temporary, CREATE, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 8) continue;
      throw error;
    }
  }
  pending.add(temporary);
  let done = false;
  let synced = false;
  const finish = (): void => {
    if (fd < 0) fd = fs.openSync(temporary, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    fs.fsyncSync(fd);
    fs.fchmodSync(fd, options.mode ?? finalModeFor(target));
    fs.closeSync(fd);
    fd = -1;
  };
  const file: AtomicFile = {
    temporary,
    get fd() {
      return fd;
    },
    closeDescriptor() {
      if (fd >= 0) fs.closeSync(fd);
      fd = -1;
    },
    commit() {
      try {
        finish();
        fs.renameSync(temporary, target);
        done = true;
        pending.delete(temporary);
        syncFolder(dir);
      } catch (error) {
        file.abort();
        throw error;
      }
    },
    publishAs(name) {
      const destination = path.join(dir, name);
      try {
        if (!synced) finish();
        synced = true;
        try {
          fs.linkSync(temporary, destination);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') return false;
          if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
          // No hard links here (some shares, FAT): an exclusive copy.
          try {
            fs.copyFileSync(temporary, destination, fs.constants.COPYFILE_EXCL);
          } catch (copyError) {
            if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return false;
            throw copyError;
          }
        }
      } catch (error) {
        file.abort();
        throw error;
      }
      file.abort();
      syncFolder(dir);
      return true;
    },
    abort() {
      if (fd >= 0) {
        try {
          fs.closeSync(fd);
        } catch {
          // Already closed.
        }
        fd = -1;
      }
      if (!done) fs.rmSync(temporary, { force: true });
      done = true;
      pending.delete(temporary);
    },
  };
  return file;
}

/** Writes all of `content` to an open descriptor. */
export function writeAll(fd: number, content: string | Buffer): void {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

/** The whole file at once, atomically. */
export function writeFileAtomic(target: string, content: string | Buffer, options: { mode?: number } = {}): void {
  const file = beginAtomicWrite(target, options);
  try {
    writeAll(file.fd, content);
  } catch (error) {
    file.abort();
    throw error;
  }
  file.commit();
}
