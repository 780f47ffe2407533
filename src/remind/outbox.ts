/**
 * The default transport: one RFC 5322 .eml file per message, directly in a folder, for a mail
 * client or a clerk to send. nodemailer composes the MIME (UTF-8, encoded Vietnamese headers).
 * Names begin with the real time and a counter so they sort in the order they were written; a
 * file appears whole or not at all (written aside through io/atomic-file.ts, then linked under a
 * name nobody has yet).
 */
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { beginAtomicWrite, writeAll } from '../io/atomic-file.js';
import { DatabaseError, t } from '../domain/errors.js';
import { mailerMessage, recipientsOf, withAddressFields, type OutgoingMail, type SendOutcome, type Transport } from './transport.js';

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function safeCode(code: string): string {
  return code.replace(/[Đđ]/g, 'D').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 20) || 'unit';
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
        const file = beginAtomicWrite(path.join(dir, `${prefix}.eml`));
        try {
          writeAll(file.fd, bytes);
          for (;;) {
            counter += 1;
            const name = `${prefix}-${String(counter).padStart(3, '0')}-${safeCode(mail.unitCode)}.eml`;
            // Linked under a name nobody has yet, never replacing a file.
            if (file.publishAs(name)) return { accepted: recipients, failed: [], reference: name };
          }
        } finally {
          file.abort();
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
