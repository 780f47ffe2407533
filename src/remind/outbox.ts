/**
 * The default transport: one RFC 5322 .eml file per message, directly in a folder, for a mail
 * client or a clerk to send. nodemailer composes the MIME (UTF-8, encoded Vietnamese headers).
 * Names begin with the real time and a counter so they sort in the order they were written; a
 * file appears whole or not at all (written aside, then linked under its name).
 */
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { DatabaseError, t } from '../domain/errors.js';
import { mailerMessage, recipientsOf, withAddressFields, type OutgoingMail, type SendOutcome, type Transport } from './transport.js';

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function safeCode(code: string): string {
  return code.replace(/[Đđ]/g, 'D').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 20) || 'unit';
}

/**
 * Puts the finished file under its name without ever replacing one: a hard link, or where the
 * file system has none (some shares, FAT), an exclusive copy. False when the name is taken.
 */
function publish(temp: string, file: string): boolean {
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
  }
  try {
    fs.copyFileSync(temp, file, fs.constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export function openOutbox(dir: string, now: () => Date): Transport {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new DatabaseError(
      t(`không tạo được thư mục hộp thư đi "${dir}": ${(error as Error).message}`, `cannot create the outbox folder "${dir}": ${(error as Error).message}`),
      t('chọn thư mục khác bằng --outbox DIR', 'choose another folder with --outbox DIR'),
    );
  }
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let counter = 0;
  return {
    channel: 'outbox',
    target: dir,
    async send(mail: OutgoingMail): Promise<SendOutcome> {
      const recipients = recipientsOf(mail);
      try {
        const info = await composer.sendMail(mailerMessage(mail));
        const bytes = withAddressFields(info.message as Buffer, mail);
        const prefix = stamp(now());
        const temp = path.join(dir, `.${prefix}-${process.pid}.tmp`);
        fs.writeFileSync(temp, bytes);
        try {
          for (;;) {
            counter += 1;
            const name = `${prefix}-${String(counter).padStart(3, '0')}-${safeCode(mail.unitCode)}.eml`;
            if (publish(temp, path.join(dir, name))) return { accepted: recipients, failed: [], reference: name };
          }
        } finally {
          fs.rmSync(temp, { force: true });
        }
      } catch (error) {
        const message = (error as Error).message;
        return { accepted: [], failed: recipients.map((address) => ({ address, error: message })), reference: null };
      }
    },
    close() {
      composer.close();
    },
  };
}
