/**
 * `tasks serve`: the web page for unit heads and the office, on the same database as the CLI.
 * Bundled on its own (dist/web.cjs) and loaded only by that command. Every change goes through
 * the use cases the CLI calls (app/), as the signed-in person, with "web" as the channel in the
 * audit trail; roles are checked there, exactly as on the terminal.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Context } from '../app/context.js';
import { latestAuditId } from '../db/audit-repository.js';
import { openDatabase, type OpenedDatabase } from '../db/connect.js';
import { todayInVietnam, type IsoDate } from '../domain/dates.js';
import { AccessError, ConflictError, NotFoundError, TasksError, ValidationError } from '../domain/errors.js';
import type { Person } from '../domain/roles.js';
import { page } from './pages/layout.js';
import { STYLE } from './style.js';
import { registerPages } from './routes.js';
import { mailLink } from './mail.js';
import type { ServeOptions, WebApp } from './web-app.js';

export type { ServeOptions, WebApp } from './web-app.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export const UPLOAD_LIMIT = 20 * 1024 * 1024;
const SESSION_COOKIE = 'tasks_phien';

/** An HTTP status for each kind of refusal the use cases throw. */
function statusOf(error: unknown): number {
  if (error instanceof AccessError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ValidationError) return 400;
  if (error instanceof TasksError) return 400;
  const status = (error as { statusCode?: number }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

const MESSAGES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ.',
  403: 'Không được phép: biểu mẫu đã hết hạn hoặc không đúng. Tải lại trang rồi thử lại.',
  404: 'Không tìm thấy trang này.',
  413: 'Tệp hoặc nội dung gửi lên quá lớn (tệp tối đa 20 MB).',
  415: 'Loại nội dung không được nhận.',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
  500: 'Lỗi nội bộ của máy chủ; vui lòng báo văn phòng.',
};

export async function buildServer(options: ServeOptions): Promise<{ app: FastifyInstance; web: WebApp; state: { listening: string } }> {
  const opened = await openDatabase(options.location, { create: false, mustHoldData: true });
  const { webSecret, sessionPerson, signValue, unsignValue } = await import('../app/web-login.js');
  const { configMap } = await import('../app/config.js');
  const today = () => options.today ?? todayInVietnam(new Date());
  const anonymous = (): Context => ({ db: opened.db, today: today(), actor: 'web', acting: null, now: () => new Date(), channel: 'web' });
  const secret = await webSecret(anonymous());
  fs.mkdirSync(options.filesDir, { recursive: true });

  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, trustProxy: options.trustProxy, routerOptions: { maxParamLength: 50 } });
  await app.register(cookie, { secret: createHash('sha256').update(`cookie:${secret}`).digest('hex') });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(csrf, {
    cookieKey: 'tasks_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true },
    getToken: (req: FastifyRequest) => {
      const field = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof field === 'string') return field;
      if (field && typeof field === 'object' && typeof (field as { value?: unknown }).value === 'string') return (field as { value: string }).value;
      return undefined as unknown as string;
    },
  });
  await app.register(rateLimit, { global: false });

  const secure = (request: FastifyRequest) => request.protocol === 'https';
  const state = { listening: '' };
  const people = new Map<string, { mark: number; person: Person; at: number }>();

  const web: WebApp = {
    opened,
    options,
    today,
    anonymous,
    as: (person) => ({ db: opened.db, today: today(), actor: person.login, acting: person, now: () => new Date(), channel: 'web' }),
    async baseUrl() {
      const configured = (await configMap(anonymous()))['web.url'];
      return configured || state.listening;
    },
    sessionValue(request) {
      const raw = request.cookies[SESSION_COOKIE];
      return raw ? unsignValue(secret, raw) : null;
    },
    async personOf(request) {
      const value = web.sessionValue(request);
      if (value === null) return null;
      // Asked on every request: kept while the tracker has not changed (a role change is audited) and for a minute at most.
      const mark = await web.markOf(request);
      const known = people.get(value);
      if (known && known.mark === mark && Date.now() - known.at < 60_000) return known.person;
      const person = await sessionPerson(anonymous(), value);
      if (people.size > 5000) people.clear();
      if (person) people.set(value, { mark, person, at: Date.now() });
      else people.delete(value);
      return person;
    },
    forget(value) {
      people.delete(value);
    },
    markOf(request) {
      const r = request as FastifyRequest & { tasksMark?: Promise<number> };
      r.tasksMark ??= latestAuditId(opened.db);
      return r.tasksMark;
    },
    setSession(reply, request, value) {
      const base = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: secure(request) };
      if (value === null) reply.clearCookie(SESSION_COOKIE, base);
      else reply.setCookie(SESSION_COOKIE, signValue(secret, value), { ...base, maxAge: 7 * 86_400 });
    },
    sendPage(reply, request, status, title, person, content, extra = {}) {
      const token = reply.generateCsrf({ secure: secure(request) } as never);
      const body = typeof content === 'function' ? (content as (csrf: string) => unknown)(token) : content;
      return reply.code(status).type('text/html; charset=utf-8').send(page({ title, person, csrf: token, ...extra }, body as never));
    },
    mailLink: (email) => mailLink(web, email),
    perAddress: new Map(),
  };

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    reply.header('X-Frame-Options', 'DENY');
    reply.header('X-Content-Type-Options', 'nosniff');
    // The sign-in link is in the address bar of the confirmation page: never sent on.
    reply.header('Referrer-Policy', 'no-referrer');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.setErrorHandler(async (error, request, reply) => {
    const status = statusOf(error);
    if (status === 500 && options.debug) console.error(error);
    const message = error instanceof TasksError ? `${error.text.vi}${error.hint ? ` (${error.hint.vi})` : ''}` : (MESSAGES[status] ?? MESSAGES[400]);
    let person: Person | null = null;
    try {
      person = await web.personOf(request);
    } catch {
      person = null;
    }
    return web.sendPage(reply, request, status, 'Không thực hiện được', person, null, { error: message });
  });
  app.setNotFoundHandler(async (request, reply) => web.sendPage(reply, request, 404, 'Không tìm thấy', await web.personOf(request), null, { error: MESSAGES[404] }));

  app.get('/kieu.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(STYLE));

  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10, fieldSize: 4000, parts: 12 },
      attachFieldsToBody: true,
      async onFile(part) {
        const tmp = path.join(options.filesDir, `.tai-len-${randomBytes(8).toString('hex')}`);
        const hash = createHash('sha256');
        let bytes = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            bytes += chunk.length;
            done(null, chunk);
          },
        });
        (this as unknown as { uploads?: string[] }).uploads = [...((this as unknown as { uploads?: string[] }).uploads ?? []), tmp];
        try {
          await pipeline(part.file, counter, fs.createWriteStream(tmp, { mode: 0o640 }));
        } catch (error) {
          fs.rmSync(tmp, { force: true });
          throw error;
        }
        (part as unknown as { value: unknown }).value = bytes === 0 ? null : { tmp, name: part.filename, sha256: hash.digest('hex'), bytes };
      },
    });
    // Whatever happens to the request, no half-kept upload stays behind.
    scope.addHook('onResponse', async (request) => {
      for (const tmp of (request as unknown as { uploads?: string[] }).uploads ?? []) fs.rmSync(tmp, { force: true });
    });
    await registerPages(scope, web, { multipartScope: true });
  });
  await app.register(async (scope) => registerPages(scope, web, { multipartScope: false }));

  return { app, web, state };
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { app, web, state } = await buildServer(options);
  const address = await app.listen({ host: options.host, port: options.port });
  const url = new URL(address);
  const shown = `${url.protocol}//${options.host.includes(':') ? `[${options.host}]` : options.host}:${url.port}`;
  state.listening = shown;
  return {
    url: shown,
    async close() {
      await app.close();
      await web.opened.close();
    },
  };
}

