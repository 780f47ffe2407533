/** `tasks serve`: the web page for unit heads and the office (src/web/), on this database. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { parseDate } from '../../domain/dates.js';
import { UsageError, t } from '../../domain/errors.js';
import { globalsOf } from '../context.js';
import { io } from '../io.js';
import { say } from '../output.js';

type WebModule = typeof import('../../web/server.js');

/**
 * The server, its libraries and its pages are a bundle of their own (dist/web.cjs, see
 * scripts/build.mjs), so no other command loads or compiles any of it. From the sources (tests
 * in-process) the module is imported as it is.
 */
async function loadWeb(): Promise<WebModule> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'web.cjs');
  if (fs.existsSync(bundled)) return createRequire(import.meta.url)(bundled) as WebModule;
  const source = '../../web/server.js';
  return (await import(source)) as WebModule;
}

function portOf(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(t(`cổng không hợp lệ: "${text}"`, `invalid port: "${text}"`), t('ví dụ: --port 8080', 'e.g. --port 8080'));
  return Number(text);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('chạy trang web cho trưởng đơn vị và văn phòng (xem, báo cáo hoàn thành, tiến độ, đề nghị gia hạn)')
    .option('--host <address>', 'địa chỉ nghe (mặc định 127.0.0.1; 0.0.0.0 để máy khác trong mạng truy cập)', '127.0.0.1')
    .option('--port <port>', 'cổng (mặc định 8080; 0: cổng trống bất kỳ)', '8080')
    .option('--files <dir>', 'thư mục giữ tệp báo cáo tải lên (mặc định: cạnh tệp cơ sở dữ liệu)')
    .option('--sign-in-rate <n>', 'số lần xin đường dẫn đăng nhập tối đa mỗi phút từ một địa chỉ IP (mặc định 10)', '10')
    .option('--trust-proxy', 'chạy sau máy chủ chuyển tiếp (nginx…): tin X-Forwarded-For và X-Forwarded-Proto')
    .addHelpText(
      'after',
      `
Đường dẫn đăng nhập gửi qua thư dùng địa chỉ web.url (tasks config set web.url https://…), mặc
định là địa chỉ máy chủ đang nghe. Thư gửi qua máy chủ thư của nhắc việc (TASKS_SMTP_URL hoặc
mail.smtpUrl). Người dùng cần có địa chỉ thư: tasks user edit binh.htqt --email binh@…

Ví dụ:
  tasks serve
  tasks serve --host 0.0.0.0 --port 8080
  tasks --db /srv/tasks/tasks.db serve --trust-proxy`,
    )
    .action(async (opts: { host: string; port: string; files?: string; trustProxy?: boolean; signInRate: string }, command: Command) => {
      const options = globalsOf(command);
      const port = portOf(opts.port);
      const rate = Number(opts.signInRate);
      if (!Number.isInteger(rate) || rate < 1 || rate > 10_000) throw new UsageError(t(`--sign-in-rate không hợp lệ: "${opts.signInRate}"`, `invalid --sign-in-rate: "${opts.signInRate}"`), t('một số từ 1 đến 10000', 'a number from 1 to 10000'));
      const todayText = options.today ?? io().env.TASKS_TODAY;
      const today = todayText ? parseDate(todayText, '--today') : null;
      const { defaultDatabasePath } = await import('../../db/location.js');
      const location = options.db || io().env.TASKS_DB || defaultDatabasePath(io().env);
      const postgres = /^postgres(ql)?:\/\//i.test(location);
      const besideDb = postgres ? path.dirname(defaultDatabasePath(io().env)) : path.dirname(path.resolve(location));
      const stem = postgres ? 'tasks' : path.basename(location).replace(/\.[^.]*$/, '');
      const web = await loadWeb();
      const server = await web.startServer({
        location,
        host: opts.host,
        port,
        filesDir: path.resolve(opts.files ?? path.join(besideDb, `${stem}-tep-bao-cao`)),
        outboxDir: path.join(besideDb, 'outbox'),
        today,
        trustProxy: opts.trustProxy === true,
        smtpUrlFromEnv: io().env.TASKS_SMTP_URL ?? null,
        debug: io().env.TASKS_DEBUG === '1',
        linkRequestsPerMinute: rate,
      });
      say(`Trang web đang chạy tại ${server.url} (Ctrl+C để dừng)`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          void server.close().finally(resolve);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
