/** The validation report of `tasks import-sheet`, as lines for stderr and as JSON. */
import type { SheetImportReport } from '../report-model/sheet-import.js';
import type { Lang } from './labels.js';

export function renderSheetProblems(report: SheetImportReport, lang: Lang): string {
  const row = lang === 'en' ? 'row' : 'dòng';
  return report.bad.flatMap((b) => b.reasons.map((r) => `${row} ${b.line}: ${r[lang]}\n`)).join('');
}

export function renderSheetSummary(report: SheetImportReport, lang: Lang): string {
  const en = lang === 'en';
  const lines: string[] = [];
  const columns = report.columns.map((c) => `${c.header} → ${c.field}`).join('; ');
  lines.push(en ? `Header on row ${report.headerLine}; columns read: ${columns}` : `Tiêu đề ở dòng ${report.headerLine}; cột đọc được: ${columns}`);
  if (report.unread.length) lines.push(en ? `Columns left unread: ${report.unread.join('; ')}` : `Cột không đọc: ${report.unread.join('; ')}`);
  const bad = report.bad.length;
  if (report.importedBefore && report.dryRun) {
    const b = report.importedBefore;
    lines.push(en ? `This very file was imported on ${b.at.slice(0, 10)} by ${b.actor}.` : `Chính tệp này đã được nhập ngày ${b.at.slice(8, 10)}/${b.at.slice(5, 7)}/${b.at.slice(0, 4)} (${b.actor}).`);
  }
  if (report.imported) {
    const range = report.taskIds ? (en ? ` (ids ${report.taskIds.first}–${report.taskIds.last})` : ` (số ${report.taskIds.first}–${report.taskIds.last})`) : '';
    lines.push(
      en
        ? `Imported ${report.good} rows as ${report.tasks} tasks${range}${bad ? `; skipped ${bad} bad rows` : ''}.`
        : `Đã nhập ${report.good} dòng thành ${report.tasks} nhiệm vụ${range}${bad ? `; bỏ qua ${bad} dòng lỗi` : ''}.`,
    );
  } else if (report.dryRun) {
    lines.push(
      en
        ? `Preview: ${report.rows} rows, ${report.good} good (${report.tasks} tasks), ${bad} bad; nothing written.`
        : `Xem trước: ${report.rows} dòng, ${report.good} dòng nhập được (${report.tasks} nhiệm vụ), ${bad} dòng lỗi; chưa ghi gì.`,
    );
  }
  if (report.newSources.length && (report.imported || report.dryRun)) {
    const shown = report.newSources.slice(0, 10).join('; ') + (report.newSources.length > 10 ? '…' : '');
    lines.push(en ? `New source documents: ${report.newSources.length} (${shown})` : `Văn bản mới: ${report.newSources.length} (${shown})`);
  }
  return lines.map((l) => `${l}\n`).join('');
}

export function sheetReportJson(report: SheetImportReport, lang: Lang) {
  return {
    file: report.file,
    headerLine: report.headerLine,
    columns: report.columns,
    unread: report.unread,
    rows: report.rows,
    good: report.good,
    tasks: report.tasks,
    bad: report.bad.map((b) => ({ line: b.line, reasons: b.reasons.map((r) => r[lang]) })),
    newSources: report.newSources,
    imported: report.imported,
    dryRun: report.dryRun,
    taskIds: report.taskIds,
    importedBefore: report.importedBefore,
  };
}
