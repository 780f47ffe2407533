/** The proposal of `tasks import` as a person reads it: one block per directive. */
import type { PlannedDirective } from '../report-model/import-plan.js';
import { formatDate } from '../domain/dates.js';
import type { Flag, SourceMeta } from '../import/types.js';
import type { Lang } from './labels.js';
import { painter, type RenderOptions } from './terminal.js';

const FLAG_LABELS: Record<Flag, Record<Lang, string>> = {
  no_owner: { vi: 'không nêu đơn vị', en: 'no owner named' },
  unknown_owner: { vi: 'đơn vị ngoài danh sách', en: 'owner not in the unit list' },
  fuzzy_owner: { vi: 'tên đơn vị gần đúng, cần kiểm tra', en: 'owner matched approximately' },
  no_deadline: { vi: 'không nêu thời hạn', en: 'no deadline stated' },
  deadline_before_issue: { vi: 'thời hạn trước ngày ban hành', en: 'deadline before the issue date' },
  deadline_invalid: { vi: 'ngày thời hạn không có thật, cần sửa', en: 'the deadline is not a real date' },
  deadline_relative: { vi: 'thời hạn tính từ một sự kiện chưa có ngày, cần nhập hạn', en: 'deadline counted from an event with no date yet' },
};

function where(e: { page: number; line: number }, lang: Lang): string {
  return lang === 'vi' ? `trang ${e.page}, dòng ${e.line}` : `page ${e.page}, line ${e.line}`;
}

const EVERY: Record<string, Record<Lang, string>> = {
  month: { vi: 'hằng tháng', en: 'monthly' },
  quarter: { vi: 'hằng quý', en: 'quarterly' },
  'half-year': { vi: '6 tháng một lần', en: 'every six months' },
  week: { vi: 'hằng tuần', en: 'weekly' },
  year: { vi: 'hằng năm', en: 'yearly' },
};

export function scheduleLabel(d: PlannedDirective, lang: Lang): string {
  if (d.schedule === 'ongoing') return lang === 'vi' ? 'thường xuyên' : 'ongoing';
  if (d.schedule === 'recurring' && d.every) return `${lang === 'vi' ? 'định kỳ' : 'recurring'} ${EVERY[d.every][lang]}`;
  return d.due ? formatDate(d.due) : lang === 'vi' ? 'chưa có hạn' : 'no due date';
}

export function ownerLabel(d: PlannedDirective, lang: Lang): string {
  const codes = d.lead.map((u) => u.code);
  if (d.unassigned) codes.push(d.ownerText ? `"${d.ownerText}" (${lang === 'vi' ? 'chưa giao' : 'unassigned'})` : lang === 'vi' ? 'chưa giao' : 'unassigned');
  return codes.join(', ');
}

export function renderDirective(d: PlannedDirective, options: RenderOptions): string {
  const paint = painter(options);
  const { lang } = options;
  const lines = [`${paint.bold(d.ordinal)}  ${d.text}`];
  lines.push(`    ${lang === 'vi' ? 'Chủ trì' : 'Lead'}: ${ownerLabel(d, lang)}${d.coordinating.length ? `; ${lang === 'vi' ? 'phối hợp' : 'coordinating'}: ${d.coordinating.map((u) => u.code).join(', ')}` : ''}`);
  lines.push(`    ${lang === 'vi' ? 'Thời hạn' : 'Due'}: ${scheduleLabel(d, lang)}`);
  // Why the owner and the deadline are what they are: the words that decided them, and where.
  const { owner, timing } = d.evidence;
  if (owner) lines.push(paint.dim(`    ${lang === 'vi' ? 'căn cứ chủ trì' : 'owner from'}: “${owner.words}” (${where(owner, lang)})`));
  if (timing) lines.push(paint.dim(`    ${lang === 'vi' ? 'căn cứ thời hạn' : 'due from'}: “${timing.words}” (${where(timing, lang)})`));
  if (d.flags.length) lines.push(`    ${paint.yellow(`${lang === 'vi' ? 'Lưu ý' : 'Check'}: ${d.flags.map((f) => FLAG_LABELS[f][lang]).join('; ')}`)}`);
  return lines.join('\n');
}

export function renderProposal(source: SourceMeta, directives: PlannedDirective[], options: RenderOptions): string {
  const vi = options.lang === 'vi';
  const head = [
    source.title ?? '',
    [
      source.number && `${vi ? 'Số' : 'No.'} ${source.number}`,
      source.issuedOn && `${vi ? 'ngày ban hành' : 'issued'} ${formatDate(source.issuedOn)}`,
      source.meetingOn && `${vi ? 'họp ngày' : 'meeting'} ${formatDate(source.meetingOn)}`,
      source.chair && `${vi ? 'chủ trì' : 'chair'}: ${source.chair}`,
    ]
      .filter(Boolean)
      .join(' · '),
  ].filter(Boolean);
  const body = directives.filter((d) => !d.skipped).map((d) => renderDirective(d, options));
  return `${[...head, '', ...body].join('\n')}\n`;
}
