/**
 * The pages and form posts of `tasks serve`. Reading calls the use cases `tasks due`, `tasks list
 * --unit`, `tasks show` and `tasks digest` call; every post calls the use case of `tasks done`,
 * `progress` or `extend`, whose role checks and audit entries are the CLI's own.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseDate } from '../domain/dates.js';
import { NotFoundError, ValidationError, t } from '../domain/errors.js';
import { BUCKETS, type Bucket } from '../domain/status.js';
import { firstBytes } from '../io/file-head.js';
import type { Person } from '../domain/roles.js';
import type { Context } from '../app/context.js';
import { h, type Html } from './jsx.js';
import { OfficePage } from './pages/office.js';
import { BadLink, ConfirmLink, RequestLink } from './pages/sign-in.js';
import { TaskPage } from './pages/tasks.js';
import { UnitPage } from './pages/unit.js';
import type { WebApp } from './web-app.js';

/** Fixed words for the redirect after a post: nothing a request carries is echoed. */
const DONE_MESSAGES: Record<string, string> = {
  'hoan-thanh': 'Đã ghi nhận hoàn thành.',
  'tien-do': 'Đã ghi tiến độ.',
  'gia-han': 'Đã gửi đề nghị gia hạn; chờ văn phòng duyệt.',
  'da-gia-han': 'Đã gia hạn.',
  'dong-y': 'Đã duyệt đề nghị gia hạn.',
  'khong-duyet': 'Đã không duyệt đề nghị gia hạn.',
};

const PROBLEMS = {
  forged: { status: 400, why: 'Đường dẫn đăng nhập không đúng (có thể bị cắt mất một phần khi sao chép).' },
  unknown: { status: 400, why: 'Đường dẫn đăng nhập không đúng hoặc không còn giá trị.' },
  used: { status: 410, why: 'Đường dẫn này đã được dùng để đăng nhập; mỗi đường dẫn chỉ dùng được một lần.' },
  expired: { status: 410, why: 'Đường dẫn này đã hết hạn (sau 24 giờ).' },
} as const;

function home(person: Person): string {
  return person.role === 'head' ? '/don-vi' : '/van-phong';
}

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') return (value as { value: string }).value;
  return '';
}

function taskId(params: unknown): number {
  const text = (params as { id?: string }).id ?? '';
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new NotFoundError(t('không có nhiệm vụ này', 'no such task'));
  return Number(text);
}

function emptyCounts(): Record<Bucket, number> {
  return Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;
}

/** A unit head's page: the daily view's tasks of the unit (`tasks due --unit`) and its figures in the four buckets. */
async function unitPage(ctx: Context, unit: { id: number; code: string; name: string }, cap: number): Promise<Html> {
  const [{ dueView }, { tallyBuckets }, { latestNotes }, { listPendingRequests }] = await Promise.all([
    import('../app/due-view.js'),
    import('../app/bucket-counts.js'),
    import('../db/note-repository.js'),
    import('../db/extension-request-repository.js'),
  ]);
  const units = new Map([[unit.id, { code: unit.code, name: unit.name }]]);
  const [entries, tally] = await Promise.all([
    dueView(ctx, { within: 3650, unit: unit.code, overdueOnly: false }),
    tallyBuckets(ctx, { asOf: ctx.today, leadUnitIds: [unit.id] }, units),
  ]);
  const counts = emptyCounts();
  for (const row of tally) counts[row.bucket] += row.n;
  const ids = entries.map((e) => e.id);
  const [notes, pending] = await Promise.all([latestNotes(ctx.db, ids, ctx.today), listPendingRequests(ctx.db, ids)]);
  const data = {
    unitName: unit.name,
    today: ctx.today,
    counts,
    overdue: entries.filter((e) => e.section === 'overdue'),
    inTerm: entries.filter((e) => e.section === 'due_soon'),
    undated: entries.filter((e) => e.section === 'unsettled'),
    notes,
    pending: new Map(pending.map((r) => [r.taskId, r])),
    cap,
  };
  return h(UnitPage, { data });
}

export async function registerPages(scope: FastifyInstance, web: WebApp, opts: { multipartScope: boolean }): Promise<void> {
  const csrf = scope.csrfProtection;
  const unitPages = new Map<number, { mark: string; html: Promise<Html> }>();

  /** The signed-in person, or a redirect to the sign-in page (a post gets 403: no form is lost silently). */
  async function signedIn(request: FastifyRequest, reply: FastifyReply): Promise<Person | null> {
    const person = await web.personOf(request);
    if (person) return person;
    if (request.method === 'GET') reply.redirect('/dang-nhap', 303);
    else web.sendPage(reply, request, 403, 'Chưa đăng nhập', null, null, { error: 'Phiên đăng nhập đã hết hoặc không đúng; vui lòng đăng nhập lại.' });
    return null;
  }

  const flashOf = (request: FastifyRequest) => DONE_MESSAGES[(request.query as { ok?: string }).ok ?? ''] ?? null;

  if (opts.multipartScope) {
    scope.post('/nhiem-vu/:id/hoan-thanh', { preHandler: csrf }, async (request, reply) => {
      const person = await signedIn(request, reply);
      if (!person) return reply;
      const id = taskId(request.params);
      const upload = (request.body as { file?: { value?: { tmp: string; name: string; sha256: string; bytes: number } | null } } | undefined)?.file?.value ?? null;
      let kept: { file: string; sha256: string; bytes: number } | null = null;
      let final: string | null = null;
      if (upload) {
        const ext = evidenceKind(upload.tmp, upload.name);
        const file = `${id}-${upload.sha256.slice(0, 16)}.${ext}`;
        final = path.join(web.options.filesDir, file);
        kept = { file, sha256: upload.sha256, bytes: upload.bytes };
      }
      const onText = field(request.body, 'on').trim();
      const on = onText ? parseDate(onText, 'ngày hoàn thành') : null;
      const evidence = field(request.body, 'evidence');
      if (!evidence.trim()) throw new ValidationError(t('cần số văn bản báo cáo kết quả', 'the evidence document number is needed'));
      const { completeTask } = await import('../app/change-task.js');
      await completeTask(web.as(person), id, { on, evidence, note: field(request.body, 'note') || null, attachment: kept });
      // Kept only once the completion is: a refused one leaves no file (onResponse removes the upload).
      if (upload && final) fs.renameSync(upload.tmp, final);
      return reply.redirect(`/nhiem-vu/${id}?ok=hoan-thanh`, 303);
    });
    return;
  }

  scope.get('/', async (request, reply) => {
    const person = await web.personOf(request);
    return reply.redirect(person ? home(person) : '/dang-nhap', 303);
  });

  scope.get('/dang-nhap', async (request, reply) => {
    const person = await web.personOf(request);
    if (person) return reply.redirect(home(person), 303);
    return web.sendPage(reply, request, 200, 'Đăng nhập', null, (token: string) => h(RequestLink, { csrf: token, sent: false }));
  });

  const perMinute = web.options.linkRequestsPerMinute ?? 10;
  // Opening and confirming links: more room, a whole office may sign in after one reminder run.
  const confirmPerMinute = Math.max(30, perMinute * 3);
  scope.post(
    '/dang-nhap',
    { preHandler: csrf, config: { rateLimit: { max: perMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const email = field(request.body, 'email').trim().toLowerCase().slice(0, 254);
      // Per address too, whether registered or not: the answer is the same either way.
      const now = Date.now();
      const seen = web.perAddress.get(email);
      const window = seen && now - seen.since < 15 * 60_000 ? seen : { n: 0, since: now };
      window.n += 1;
      web.perAddress.set(email, window);
      if (web.perAddress.size > 10_000) web.perAddress.clear();
      if (window.n > 5) {
        return web.sendPage(reply, request, 429, 'Đăng nhập', null, null, { error: 'Đã xin đường dẫn cho địa chỉ này nhiều lần; vui lòng đợi 15 phút rồi thử lại.' });
      }
      if (email) {
        web.mailLink(email).catch((error) => {
          if (web.options.debug) console.error(error);
        });
      }
      return web.sendPage(reply, request, 200, 'Đăng nhập', null, (token: string) => h(RequestLink, { csrf: token, sent: true }));
    },
  );

  const { checkLink, signIn, signOut } = await import('../app/web-login.js');

  scope.get('/dang-nhap/xac-nhan', { config: { rateLimit: { max: confirmPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
    const token = String((request.query as { t?: unknown }).t ?? '');
    const checked = await checkLink(web.anonymous(), token);
    if (typeof checked === 'string') return web.sendPage(reply, request, PROBLEMS[checked].status, 'Đăng nhập', null, h(BadLink, { why: PROBLEMS[checked].why }));
    return web.sendPage(reply, request, 200, 'Đăng nhập', null, (csrfToken: string) => h(ConfirmLink, { csrf: csrfToken, token, name: checked.person.name }));
  });

  scope.post('/dang-nhap/xac-nhan', { preHandler: csrf, config: { rateLimit: { max: confirmPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
    const result = await signIn(web.anonymous(), field(request.body, 't'));
    if (typeof result === 'string') return web.sendPage(reply, request, PROBLEMS[result].status, 'Đăng nhập', null, h(BadLink, { why: PROBLEMS[result].why }));
    web.setSession(reply, request, result.session);
    return reply.redirect(home(result.person), 303);
  });

  scope.post('/dang-xuat', { preHandler: csrf }, async (request, reply) => {
    const value = web.sessionValue(request);
    if (value) {
      await signOut(web.anonymous(), value);
      web.forget(value);
    }
    web.setSession(reply, request, null);
    return reply.redirect('/dang-nhap', 303);
  });

  scope.get('/don-vi', async (request, reply) => {
    const person = await signedIn(request, reply);
    if (!person) return reply;
    if (person.role !== 'head' || !person.unit) return reply.redirect('/van-phong', 303);
    const ctx = web.as(person);
    const unit = person.unit;
    if ((request.query as { 'tat-ca'?: string })['tat-ca'] === '1') {
      return web.sendPage(reply, request, 200, unit.name, person, await unitPage(ctx, unit, Number.MAX_SAFE_INTEGER));
    }
    // The same page for every head of the unit until the tracker changes (or the day does).
    const mark = `${ctx.today}|${await web.markOf(request)}`;
    let cached = unitPages.get(unit.id);
    if (!cached || cached.mark !== mark) {
      cached = { mark, html: unitPage(ctx, unit, 50) };
      unitPages.set(unit.id, cached);
      cached.html.catch(() => unitPages.delete(unit.id));
    }
    const html = await cached.html;
    return web.sendPage(reply, request, 200, unit.name, person, html, { flash: flashOf(request) });
  });

  scope.get('/nhiem-vu/:id', async (request, reply) => {
    const person = await signedIn(request, reply);
    if (!person) return reply;
    const id = taskId(request.params);
    const { showTask } = await import('../app/show-task.js');
    const detail = await showTask(web.as(person), id);
    const own = person.role === 'head' && person.unit !== null && detail.lead?.code === person.unit.code;
    // Another unit's task does not exist for a head: the same answer as a number never used.
    if (person.role === 'head' && !own) throw new NotFoundError(t('không có nhiệm vụ này', 'no such task'));
    const rights = { act: own || person.role === 'office', settle: person.role === 'office' };
    return web.sendPage(reply, request, 200, `Nhiệm vụ #${id}`, person, (token: string) => h(TaskPage, { detail, today: web.today(), csrf: token, rights }), { flash: flashOf(request) });
  });

  scope.post('/nhiem-vu/:id/tien-do', { preHandler: csrf }, async (request, reply) => {
    const person = await signedIn(request, reply);
    if (!person) return reply;
    const id = taskId(request.params);
    const { recordProgress } = await import('../app/change-task.js');
    await recordProgress(web.as(person), id, field(request.body, 'note'));
    return reply.redirect(`/nhiem-vu/${id}?ok=tien-do`, 303);
  });

  scope.post('/nhiem-vu/:id/gia-han', { preHandler: csrf }, async (request, reply) => {
    const person = await signedIn(request, reply);
    if (!person) return reply;
    const id = taskId(request.params);
    const to = parseDate(field(request.body, 'to'), 'hạn mới');
    const { extendTask } = await import('../app/change-task.js');
    const result = await extendTask(web.as(person), id, to, field(request.body, 'reason'));
    return reply.redirect(`/nhiem-vu/${id}?ok=${result.request ? 'gia-han' : 'da-gia-han'}`, 303);
  });

  scope.post('/nhiem-vu/:id/duyet', { preHandler: csrf }, async (request, reply) => {
    const person = await signedIn(request, reply);
    if (!person) return reply;
    const id = taskId(request.params);
    const decision = field(request.body, 'quyet_dinh');
    const { approveExtension, rejectExtension } = await import('../app/change-task.js');
    if (decision === 'dong-y') await approveExtension(web.as(person), id);
    else if (decision === 'khong-duyet') await rejectExtension(web.as(person), id, field(request.body, 'ly_do') || null);
    else throw new ValidationError(t('thiếu quyết định duyệt hoặc không duyệt', 'approve or refuse?'));
    const back = field(request.body, 've') === '/van-phong' ? '/van-phong' : `/nhiem-vu/${id}`;
    return reply.redirect(`${back}?ok=${decision}`, 303);
  });

  scope.get('/van-phong', async (request, reply) => {
    const person = await signedIn(request, reply);
    if (!person) return reply;
    if (person.role === 'head') return reply.redirect('/don-vi', 303);
    const ctx = web.as(person);
    const [{ dueLines }, { tallyBuckets }, { listPendingRequests }, { viewsByIds }, { loadRegistry }] = await Promise.all([
      import('../app/due-view.js'),
      import('../app/bucket-counts.js'),
      import('../db/extension-request-repository.js'),
      import('../app/load-tasks.js'),
      import('../db/unit-repository.js'),
    ]);
    const registry = await loadRegistry(ctx.db);
    const units = new Map(registry.units.map((u) => [u.id, { code: u.code, name: u.name }]));
    const [lines, tally, pending] = await Promise.all([dueLines(ctx, { within: 7, unit: null, overdueOnly: false }), tallyBuckets(ctx, { asOf: ctx.today }, units), listPendingRequests(ctx.db)]);
    const counts = emptyCounts();
    for (const row of tally) counts[row.bucket] += row.n;
    const views = new Map((await viewsByIds(ctx, pending.map((r) => r.taskId))).map((v) => [v.id, v]));
    const requests = pending.map((request) => ({ request, text: views.get(request.taskId)?.text ?? '', unit: views.get(request.taskId)?.lead?.name ?? '' }));
    const data = { today: ctx.today, counts, lines, requests, month: ctx.today.slice(0, 7), cap: 300, settle: person.role === 'office' };
    return web.sendPage(reply, request, 200, 'Văn phòng', person, (token: string) => h(OfficePage, { data, csrf: token }), { flash: flashOf(request) });
  });

  scope.get('/tai-ve', async (request, reply) => {
    const person = await signedIn(request, reply);
    if (!person) return reply;
    if (person.role === 'head') throw new NotFoundError(t('không có trang này', 'no such page'));
    const query = request.query as { thang?: string; loai?: string };
    const kind = query.loai ?? '';
    if (!['giao-ban.docx', 'giao-ban.xlsx', 'qua-han.docx', 'qua-han.xlsx'].includes(kind)) throw new ValidationError(t('không có loại văn bản này', 'no such document'));
    const ctx = web.as(person);
    const month = (query.thang ?? ctx.today.slice(0, 7)).trim();
    if (kind.endsWith('.docx')) {
      const { getConfig } = await import('../app/config.js');
      if (!(await getConfig(ctx, 'org.parent')).value.trim()) {
        throw new ValidationError(t('chưa có tên cơ quan cho tiêu đề báo cáo (org.parent)', 'no agency name (org.parent)'), t('văn phòng đặt bằng: tasks config set org.parent "SỞ …"', 'set it with tasks config set org.parent'));
      }
    }
    const digest = kind.startsWith('giao-ban')
      ? await (await import('../app/digest.js')).makeDigest(ctx, { month, unit: null, from: null })
      : await (await import('../app/overdue-report.js')).makeOverdueReport(ctx, null);
    const body = kind.endsWith('.docx')
      ? await (await import('../report/digest/docx.js')).renderDocx(digest, 'vi')
      : await (await import('../report/digest/xlsx.js')).renderXlsx(digest, 'vi');
    const name = kind.startsWith('giao-ban') ? `bao-cao-giao-ban-${month}.${kind.split('.')[1]}` : `qua-han-${ctx.today}.${kind.split('.')[1]}`;
    const type = kind.endsWith('.docx') ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return reply.type(type).header('Content-Disposition', `attachment; filename="${name}"`).send(body);
  });
}

/** PDF or DOCX, by their first bytes (and the name for a DOCX, a ZIP like any Office file): anything else is refused. */
function evidenceKind(file: string, name: string): 'pdf' | 'docx' {
  const head = firstBytes(file, 5);
  if (head.toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && /\.docx$/i.test(name)) return 'docx';
  throw Object.assign(new ValidationError(t('tệp đính kèm phải là PDF hoặc DOCX', 'the attachment must be a PDF or DOCX file')), { statusCode: 415 });
}

