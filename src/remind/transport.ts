/** What a transport is given and what it reports back, recipient by recipient. */
import { addressHeader, textHeader, type Address } from './address-header.js';

export type { Address };


export type Channel = 'outbox' | 'smtp';

export interface OutgoingMail {
  from: Address;
  /** The office, when the sender is another address (a no-reply account): answers reach it. */
  replyTo: Address | null;
  to: Address[];
  cc: Address[];
  subject: string;
  text: string;
  html: string;
  /** Used to name the outbox file. */
  unitCode: string;
  /** Fixed before the first attempt and kept for a resend, so servers and clients drop a duplicate. */
  messageId?: string;
}

export interface SendOutcome {
  /** Lower-case addresses the message reached (or, for the outbox, was written for). */
  accepted: string[];
  failed: { address: string; error: string }[];
  /** The Message-ID, or the outbox file's name. */
  reference: string | null;
  /** The server could not be reached at all: the run need not try the next messages. */
  unreachable?: boolean;
  /** The message was handed over but no verdict came back: it may have been delivered. */
  inDoubt?: boolean;
}

export interface Transport {
  channel: Channel;
  /** Where messages go, safe to print (never a password). */
  target: string;
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

export function recipientsOf(mail: OutgoingMail): string[] {
  return [...mail.to, ...mail.cc].map((a) => a.address.toLowerCase());
}

/** nodemailer's address form, with the display name on one line whatever was stored. */
export function addressForMailer(a: Address): string | { name: string; address: string } {
  const name = a.name?.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return name ? { name, address: a.address } : a.address;
}

/** nodemailer's message options shared by both transports. */
export function mailerMessage(mail: OutgoingMail): Record<string, unknown> {
  return {
    from: addressForMailer(mail.from),
    ...(mail.replyTo ? { replyTo: addressForMailer(mail.replyTo) } : {}),
    to: mail.to.map(addressForMailer),
    cc: mail.cc.map(addressForMailer),
    subject: mail.subject.replace(/[\u0000-\u001f\u007f]/g, ' '),
    text: mail.text,
    html: mail.html,
    textEncoding: 'quoted-printable',
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}

const ADDRESS_FIELDS = new Set(['from', 'to', 'cc', 'reply-to', 'subject']);

/**
 * The composed message with its address fields and subject written by address-header.ts instead
 * of the mail library, which cuts long Vietnamese text into encoded-words in the middle of a word.
 */
export function withAddressFields(raw: Buffer, mail: OutgoingMail): Buffer {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return raw;
  const fields: string[] = [];
  for (const line of text.slice(0, end).split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length) fields[fields.length - 1] += `\r\n${line}`;
    else fields.push(line);
  }
  const kept = fields.filter((f) => !ADDRESS_FIELDS.has(f.slice(0, f.indexOf(':')).trim().toLowerCase()));
  const ours = [
    `From: ${addressHeader([mail.from])}`,
    ...(mail.replyTo ? [`Reply-To: ${addressHeader([mail.replyTo])}`] : []),
    `To: ${addressHeader(mail.to)}`,
    ...(mail.cc.length ? [`Cc: ${addressHeader(mail.cc)}`] : []),
    `Subject: ${textHeader(mail.subject)}`,
  ];
  return Buffer.concat([Buffer.from([...ours, ...kept].join('\r\n'), 'latin1'), raw.subarray(end)]);
}
