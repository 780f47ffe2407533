/** `tasks digest` and `tasks stats`: what the Director reads at the monthly giao ban. */
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { UsageError, t } from '../../domain/errors.js';
import type { Digest } from '../../domain/digest/model.js';
import { withSession, type Session } from '../context.js';
import { dateArg } from '../options.js';
import { printData, printJson, say } from '../output.js';
import type { Output } from '../stream-output.js';

interface DigestOptions {
  period?: string;
  order?: string;
  month?: string;
  unit?: string;
  from?: string;
  format?: string;
  out?: string;
  note?: string;
}

/** Shared by `tasks digest` and `tasks overdue --format`: render, then print or write the file. */
export async function emitReport(s: Session, make: () => Promise<Digest>, opts: { format?: string; out?: string }): Promise<void> {
  const [{ chooseFormat, isBinary, parseFormat, renderDigest }, { writeReport }] = await Promise.all([
    import('../../report/digest/render.js'),
    import('../write-output.js'),
  ]);
  const format = chooseFormat(opts.format === undefined ? undefined : parseFormat(opts.format), s.json, opts.out);
  if (format === 'docx' || format === 'html') await (await import('../agency.js')).ensureAgency(s);
  const digest = await make();
  const { lang } = s.render;
  const announce = (written: string | null) => {
    if (written) say(lang === 'en' ? `Written: ${written}` : `Đã ghi tệp: ${written}`);
  };
  if (format === 'xlsx') {
    // Streamed: rows go to the file as they are made.
    const [{ openOutput }, { writeDigestXlsx }] = await Promise.all([import('../stream-output.js'), import('../../report/digest/xlsx.js')]);
    return announce(await streamXlsx(openOutput(opts.out, true), (stream) => writeDigestXlsx(digest, lang, stream)));
  }
  if (format === 'docx') {
    const { docxIsCapped, renderDocx } = await import('../../report/digest/docx.js');
    // A list longer than a meeting reads stops in the document; the full report goes beside it as
    // a workbook. The document is made first: the two never take their memory at the same time.
    const attachment = opts.out !== undefined && docxIsCapped(digest) ? attachmentPath(opts.out) : null;
    const document = await renderDocx(digest, lang, attachment === null ? null : path.basename(attachment));
    let attached: string | null = null;
    if (attachment !== null) {
      (await import('../memory.js')).collectGarbage();
      const [{ openOutput }, { writeDigestXlsx }] = await Promise.all([import('../stream-output.js'), import('../../report/digest/xlsx.js')]);
      attached = await streamXlsx(openOutput(attachment, true), (stream) => writeDigestXlsx(digest, lang, stream));
    }
    try {
      announce(writeReport(document, opts.out, true));
    } catch (error) {
      if (attached !== null) fs.rmSync(attached, { force: true });
      throw error;
    }
    return announce(attached);
  }
  const content = await renderDigest(digest, format, format === 'term' && opts.out !== undefined ? { ...s.render, color: false } : s.render);
  announce(writeReport(content, opts.out, isBinary(format)));
}

/** The office's "Đề xuất, kiến nghị": one paragraph per non-empty line. */
function withProposals(digest: Digest, text: string | null): Digest {
  if (text === null) return digest;
  return { ...digest, proposals: text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) };
}

/** "bao-cao.docx" → "bao-cao-day-du.xlsx": the full lists of a DOCX that shows only the first rows. */
function attachmentPath(out: string): string {
  return `${out.replace(/\.docx$/i, '')}-day-du.xlsx`;
}

async function streamXlsx(output: Output, write: (stream: Writable) => Promise<void>): Promise<string | null> {
  try {
    await write(output.stream);
  } catch (error) {
    output.abort();
    throw error;
  }
  return output.finish();
}

export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description('báo cáo giao ban tháng: số liệu bốn nhóm, theo đơn vị, quá hạn, hoàn thành, gia hạn, đến hạn tháng sau')
    .option('-m, --month <YYYY-MM>', 'tháng báo cáo (bắt buộc), ví dụ 2026-11')
    .option('-u, --unit <unit>', 'chỉ các nhiệm vụ do đơn vị (hoặc nhóm) này chủ trì')
    .option('--from <date>', 'tính tổng số từ nhiệm vụ giao ngày này (mặc định: 01/01 của năm báo cáo)', dateArg('--from'))
    .option('-p, --period <kind>', 'kỳ báo cáo: month (tháng dương lịch) hoặc nd09 (từ ngày 15 tháng trước đến ngày 14 tháng này, Nghị định 09/2019); mặc định: cấu hình report.period')
    .option('--order <order>', 'thứ tự bảng theo đơn vị: rank (nhiều quá hạn, tỷ lệ thấp trước; mặc định) hoặc registry (theo danh sách đơn vị)')
    .option('-f, --format <format>', 'term, md, html, docx, xlsx, csv hoặc json (mặc định: theo đuôi tệp --out, hoặc term)')
    .option('-o, --out <file>', 'ghi ra tệp thay vì màn hình')
    .option('--note <file>', 'tệp văn bản cho mục "Đề xuất, kiến nghị" (mỗi đoạn một dòng)')
    .addHelpText(
      'after',
      `
Số liệu tính đến hết ngày cuối tháng (hoặc --today nếu sớm hơn); ngày của báo cáo là --today.

Ví dụ:
  tasks digest --month 2026-11
  tasks digest --month 2026-11 --out bao-cao-giao-ban-thang-11.docx
  tasks digest --month 2026-11 --period nd09 --format md
  tasks digest --month 2026-11 --order registry
  tasks digest --month 2026-11 --unit "Phòng Lãnh sự" --format xlsx --out ls-11.xlsx
  tasks digest --month 2026-11 --json`,
    )
    .action(async (opts: DigestOptions, command: Command) => {
      if (opts.month === undefined) {
        throw new UsageError(t('thiếu --month: báo cáo cho tháng nào?', 'missing --month'), t('ví dụ: tasks digest --month 2026-11', 'e.g. tasks digest --month 2026-11'));
      }
      if (opts.order !== undefined && opts.order !== 'rank' && opts.order !== 'registry') {
        throw new UsageError(t(`--order không hợp lệ: "${opts.order}"`, `invalid --order: "${opts.order}"`), t('--order nhận rank hoặc registry', '--order takes rank or registry'));
      }
      const [{ makeDigest }, { parsePeriodKind }] = await Promise.all([import('../../app/digest.js'), import('../../domain/report-period.js')]);
      let period = null;
      try {
        period = opts.period === undefined ? null : parsePeriodKind(opts.period);
      } catch (error) {
        // A bad flag value is a usage error (exit 2), like --order's.
        throw new UsageError((error as UsageError).text, (error as UsageError).hint);
      }
      const order = opts.order === 'registry' ? 'registry' : 'rank';
      // Read before anything is made: a missing file is refused at once.
      const proposals = opts.note === undefined ? null : (await import('../read-file.js')).readTextFile(opts.note);
      await withSession(command, { mayCreate: false, readOnly: 'shown' }, (s) =>
        emitReport(s, async () => withProposals(await makeDigest(s.ctx, { month: opts.month!, unit: opts.unit ?? null, from: opts.from ?? null, period, order }), proposals), opts),
      );
    });

  program
    .command('stats')
    .description('tỷ lệ hoàn thành đúng hạn theo đơn vị, cho nhiệm vụ có hạn xử lý trong một khoảng thời gian (Chỉ số PAR Index)')
    .option('--from <date>', 'hạn xử lý từ ngày (mặc định: 01/01 của năm hiện tại)', dateArg('--from'))
    .option('--to <date>', 'hạn xử lý đến hết ngày (mặc định: hôm nay)', dateArg('--to'))
    .option('-u, --unit <unit>', 'chỉ đơn vị (hoặc nhóm) này')
    .addHelpText('after', '\nVí dụ:\n  tasks stats --from 01/01/2026 --to 30/06/2026\n  tasks stats --from 2026-01-01 --to 2026-12-31 --json')
    .action(async (opts: { from?: string; to?: string; unit?: string }, command: Command) => {
      const [{ periodStats }, { renderStats }] = await Promise.all([import('../../app/stats.js'), import('../../report/stats-render.js')]);
      await withSession(command, { mayCreate: false, readOnly: 'shown' }, async (s) => {
        const stats = await periodStats(s.ctx, { from: opts.from ?? null, to: opts.to ?? null, unit: opts.unit ?? null });
        if (s.json) return printJson(stats);
        printData(renderStats(stats, s.render));
      });
    });
}
