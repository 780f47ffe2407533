/**
 * What the web page's parts share: the server's options and the handle the routes and the mail
 * of sign-in links work through (built in server.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../app/context.js';
import type { OpenedDatabase } from '../db/connect.js';
import type { IsoDate } from '../domain/dates.js';
import type { Person } from '../domain/roles.js';

export interface ServeOptions {
  /** The SQLite file or postgres:// URL, as the CLI resolved it. */
  location: string;
  host: string;
  port: number;
  /** Where uploaded evidence is kept: beside the SQLite file by default. */
  filesDir: string;
  /** Where a sign-in mail goes when no mail server is set: the outbox beside the database. */
  outboxDir: string;
  /** A fixed "today" (--today, TASKS_TODAY); null: today in Vietnam at each request. */
  today: IsoDate | null;
  /** Behind a reverse proxy: believe X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy: boolean;
  /** TASKS_SMTP_URL, which wins over mail.smtpUrl. */
  smtpUrlFromEnv: string | null;
  /** TASKS_DEBUG=1: an unexpected error's stack goes to stderr as well. */
  debug?: boolean;
  /** Link requests per IP address per minute (default 10). */
  linkRequestsPerMinute?: number;
}

export interface WebApp {
  opened: OpenedDatabase;
  options: ServeOptions;
  baseUrl: () => Promise<string>;
  today: () => IsoDate;
  /** A context for an anonymous request (signing in): never used for a task action. */
  anonymous: () => Context;
  /** The context a signed-in person acts in. */
  as: (person: Person) => Context;
  personOf: (request: FastifyRequest) => Promise<Person | null>;
  /** The session's person is no longer to be remembered (signed out). */
  forget: (session: string) => void;
  /** The tracker's change mark (db/audit-repository.ts latestAuditId), read once per request. */
  markOf: (request: FastifyRequest) => Promise<number>;
  setSession: (reply: FastifyReply, request: FastifyRequest, value: string | null) => void;
  sessionValue: (request: FastifyRequest) => string | null;
  sendPage: (reply: FastifyReply, request: FastifyRequest, status: number, title: string, person: Person | null, content: unknown, extra?: { flash?: string | null; error?: string | null }) => FastifyReply;
  mailLink: (email: string) => Promise<void>;
  /** Sign-in links asked per address, in memory: [count, window start]. */
  perAddress: Map<string, { n: number; since: number }>;
}
