/** What a transport is given and what it reports back, recipient by recipient. */

export type Channel = 'outbox' | 'smtp';

export interface Address {
  name: string | null;
  address: string;
}

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
