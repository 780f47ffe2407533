/**
 * The sign-in mail: through the same mail server as the reminders (TASKS_SMTP_URL, else
 * mail.smtpUrl), or into the outbox beside the database when none is set. Sent after the page
 * has answered, so how long it takes tells nobody whether the address is registered.
 */
import { formatDate } from '../domain/dates.js';
import { cleanLine } from '../domain/text.js';
import type { WebApp } from './web-app.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export async function mailLink(web: WebApp, email: string): Promise<void> {
  const [{ requestLink, LINK_HOURS }, { configMap }] = await Promise.all([import('../app/web-login.js'), import('../app/config.js')]);
  const ctx = web.anonymous();
  const found = await requestLink(ctx, email, await web.baseUrl());
  if (found === null) return;
  const settings = await configMap(ctx);
  const fromAddress = settings['mail.from'] || settings['office.email'];
  if (!fromAddress) return;
  const smtpUrl = web.options.smtpUrlFromEnv?.trim() || settings['mail.smtpUrl'];
  const transport = smtpUrl ? (await import('../remind/smtp.js')).openSmtp(smtpUrl) : (await import('../remind/outbox.js')).openOutbox(web.options.outboxDir, () => new Date());
  const name = cleanLine(found.person.name);
  const text = [
    `Kính gửi: ${name}`,
    '',
    `Đường dẫn đăng nhập trang Theo dõi nhiệm vụ (dùng được một lần, trong ${LINK_HOURS} giờ, đến ngày ${formatDate(web.today())}):`,
    found.url,
    '',
    'Nếu không phải bạn yêu cầu, hãy bỏ qua thư này.',
    '',
    '-- ',
    ...settings['mail.signature'].split('\n'),
  ].join('\n');
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body><p>Kính gửi: ${escapeHtml(name)}</p><p>Đường dẫn đăng nhập trang Theo dõi nhiệm vụ (dùng được một lần, trong ${LINK_HOURS} giờ):</p><p><a href="${escapeHtml(found.url)}">Đăng nhập</a></p><p>Nếu không phải bạn yêu cầu, hãy bỏ qua thư này.</p></body></html>`;
  try {
    await transport.send({
      from: { name: settings['mail.senderName'] || null, address: fromAddress },
      replyTo: null,
      to: [{ name, address: found.person.email! }],
      cc: [],
      subject: '[Theo dõi nhiệm vụ] Đường dẫn đăng nhập',
      text: `${text}\n`,
      html,
      unitCode: found.person.unit?.code ?? 'dang-nhap',
    });
  } finally {
    transport.close();
  }
}
