/**
 * Sending through a mail server with nodemailer: smtp:// upgrades with STARTTLS when the server
 * offers it, smtps:// is TLS from the start. nodemailer resolves, not throws, when the server
 * refuses only some recipients, so the outcome is read recipient by recipient. Error texts are
 * scrubbed of the password before they go anywhere.
 */
import nodemailer from 'nodemailer';
import { maskSmtpUrl } from '../domain/remind-settings.js';
import { mailerMessage, recipientsOf, withAddressFields, type OutgoingMail, type SendOutcome, type Transport } from './transport.js';

interface MailerError extends Error {
  code?: string;
  response?: string;
  recipient?: string;
  rejected?: string[];
  rejectedErrors?: MailerError[];
}

/** Codes nodemailer gives when no conversation with the server took place. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ETLS', 'EAUTH']);

function secretsOf(url: string): string[] {
  try {
    const parsed = new URL(url);
    return [url, parsed.password, decodeURIComponent(parsed.password)].filter((s) => s.length > 0);
  } catch {
    return [url];
  }
}

export function openSmtp(url: string): Transport {
  const secrets = secretsOf(url);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  const describe = (error: MailerError) => scrub([error.code, error.response ?? error.message].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim());
  // Whether the server said "354, send the data" during this send: a failure after it (a reply
  // lost, a connection cut) leaves the message perhaps delivered, never to be sent again blindly.
  let dataAccepted = false;
  const quiet = () => {};
  const logger = {
    level: quiet,
    trace: quiet,
    info: quiet,
    warn: quiet,
    error: quiet,
    fatal: quiet,
    debug(meta: { tnx?: string } | undefined, message: unknown) {
      if (meta?.tnx === 'server' && /^354\b/.test(String(message))) dataAccepted = true;
    },
  };
  const mailer = nodemailer.createTransport({
    url,
    logger,
    debug: true,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', disableFileAccess: true, disableUrlAccess: true });
  return {
    channel: 'smtp',
    target: maskSmtpUrl(url),
    async send(mail: OutgoingMail): Promise<SendOutcome> {
      const recipients = recipientsOf(mail);
      dataAccepted = false;
      try {
        // Composed first, so the address fields can be written whole (transport.ts), then sent as is.
        const composed = await composer.sendMail(mailerMessage(mail));
        const raw = withAddressFields(composed.message as Buffer, mail);
        const info = await mailer.sendMail({ envelope: { from: mail.from.address, to: recipients }, raw });
        info.messageId = info.messageId ?? composed.messageId;
        const accepted = ((info.accepted ?? []) as unknown[]).map((a) => String(typeof a === 'object' && a !== null ? (a as { address: string }).address : a).toLowerCase());
        const errors = ((info as { rejectedErrors?: MailerError[] }).rejectedErrors ?? []);
        const failed = recipients
          .filter((r) => !accepted.includes(r))
          .map((address) => {
            const error = errors.find((e) => e.recipient?.toLowerCase() === address);
            return { address, error: error ? describe(error) : 'máy chủ thư từ chối người nhận' };
          });
        return { accepted, failed, reference: info.messageId ?? null };
      } catch (error) {
        const e = error as MailerError;
        const perRecipient = new Map((e.rejectedErrors ?? []).map((r) => [r.recipient?.toLowerCase() ?? '', describe(r)]));
        const inDoubt = dataAccepted && (e as { responseCode?: number }).responseCode === undefined;
        const unreachable = !inDoubt && !e.rejectedErrors?.length && CONNECTION_CODES.has(e.code ?? '');
        return { accepted: [], failed: recipients.map((address) => ({ address, error: perRecipient.get(address) ?? describe(e) })), reference: inDoubt ? (mail.messageId ?? null) : null, unreachable, inDoubt };
      }
    },
    close() {
      mailer.close();
      composer.close();
    },
  };
}
