/** The digest as Markdown: headings and pipe tables, for a wiki, a chat or a pull request. */
import { formatDate } from '../../domain/dates.js';
import type { Lang } from '../labels.js';
import type { Digest } from '../../domain/digest/model.js';
import { cellText, layoutDigest, type ReportTable } from './tables.js';
import { dw } from './words.js';

/** Keeps stored text from breaking the table or turning into markup. */
function escapeCell(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .trim();
}

function markdownTable(table: ReportTable, lang: Lang): string {
  if (table.rows.length === 0) return `_${dw(lang, 'none')}_`;
  const head = `| ${table.columns.map((c) => escapeCell(c.header)).join(' | ')} |`;
  const rule = `|${table.columns.map((c) => (c.kind === 'int' || c.kind === 'rate' ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = table.rows.map((r) => {
    const cells = r.cells.map((c) => escapeCell(cellText(c, lang)));
    return `| ${(r.total ? cells.map((c) => (c ? `**${c}**` : c)) : cells).join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}

export function renderMarkdown(d: Digest, lang: Lang): string {
  const layout = layoutDigest(d, lang);
  const out = [`# ${layout.title}: ${layout.summary}`, ''];
  out.push(`_${d.settings['org.place']}, ${formatDate(d.period.today)}_`, '');
  for (const line of layout.intro) out.push(escapeCell(line), '');
  for (const table of layout.tables) {
    out.push(`## ${table.title}`, '', markdownTable(table, lang), '');
    for (const note of table.notes ?? []) out.push(`_${escapeCell(note)}_`, '');
  }
  if (layout.proposals) {
    out.push(`## ${layout.proposals.title}`, '');
    for (const p of layout.proposals.paragraphs) out.push(escapeCell(p), '');
  }
  out.push(escapeCell(layout.closing));
  return `${out.join('\n').trimEnd()}\n`;
}
