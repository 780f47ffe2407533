/**
 * A real SMTP server on 127.0.0.1 inside the test process: records every message it accepts
 * (the envelope, and the message decoded by mailparser), refuses the RCPT of chosen addresses,
 * and checks a password when one is set.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  rcpt: string[];
  /** The session ran over TLS (STARTTLS or TLS from the start). */
  secure: boolean;
  raw: string;
  mail: ParsedMail;
}

export interface SmtpSink {
  port: number;
  url: string;
  received: Received[];
  /** RCPT TO these addresses is refused with 550. */
  refuse: Set<string>;
  /** The next this-many messages are taken whole, then the connection is cut before the reply: "accepted, reply lost". */
  dropReplies: number;
  close(): Promise<void>;
}

export interface SinkOptions {
  user?: string;
  password?: string;
  /** 'starttls': offered after EHLO; 'implicit': TLS from the start (smtps). Both use smtp-server's own self-signed certificate. */
  tls?: 'starttls' | 'implicit';
}

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const sink = { received, refuse, dropReplies: 0 } as SmtpSink;
  const server = new SMTPServer({
    secure: options.tls === 'implicit',
    disabledCommands: [...(options.tls === 'starttls' ? [] : ['STARTTLS']), ...(options.password ? [] : ['AUTH'])],
    allowInsecureAuth: true,
    authOptional: !options.password,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((mail) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              rcpt: session.envelope.rcptTo.map((r) => r.address.toLowerCase()).sort(),
              secure: session.secure === true,
              raw,
              mail,
            });
            if (sink.dropReplies > 0) {
              sink.dropReplies -= 1;
              for (const connection of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections) connection._socket.destroy();
              return;
            }
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const auth = options.password ? `${encodeURIComponent(options.user ?? '')}:${encodeURIComponent(options.password)}@` : '';
  Object.assign(sink, {
    port,
    url: `${options.tls === 'implicit' ? 'smtps' : 'smtp'}://${auth}127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return sink;
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const net = await import('node:net');
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export function addressesOf(field: ParsedMail['to'] | ParsedMail['cc']): string[] {
  if (!field) return [];
  const list = Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase())).sort();
}
