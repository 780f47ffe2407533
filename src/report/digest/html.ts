/**
 * The digest as one self-contained HTML page: no scripts, no external fonts or images, styles
 * inline, laid out like the printed report (A4, the Nghị định 30 header and signer block).
 */
import { BUCKET_LABELS, type Lang } from '../labels.js';
import type { Digest } from '../../domain/digest/model.js';
import { numberLine, placeAndDate, recipientLines } from './nd30.js';
import { cellText, layoutDigest, type ReportTable } from './tables.js';
import { dw } from './words.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.35; margin: 0 auto; max-width: 165mm; padding: 10mm 0; color: #000; }
table.head, table.sign { width: 100%; border-collapse: collapse; }
table.head td, table.sign td { vertical-align: top; text-align: center; border: 0; padding: 0 4px; }
.bold { font-weight: bold; } .italic { font-style: italic; } .upper { text-transform: uppercase; }
.rule { display: block; width: 35%; margin: 2px auto 6px; border-top: 1px solid #000; }
h1 { font-size: 14pt; text-align: center; margin: 18px 0 0; }
p.summary { font-weight: bold; text-align: center; font-size: 14pt; margin: 0 0 14px; }
h2 { font-size: 13pt; margin: 16px 0 6px; }
p { text-align: justify; margin: 6px 0; text-indent: 1cm; }
table.data { width: 100%; border-collapse: collapse; font-size: 12pt; page-break-inside: auto; }
table.data th, table.data td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
table.data th { font-weight: bold; text-align: center; }
p.note { font-size: 11pt; font-style: italic; margin: 2px 0 0; }
td.num { text-align: right; white-space: nowrap; } td.date { text-align: center; white-space: nowrap; }
tr.total td { font-weight: bold; }
p.closing { margin-top: 12px; }
tr.open_overdue td.num { color: #b00000; }
table.sign { page-break-inside: avoid; margin-top: 12px; }
table.sign td.recipients { text-align: left; font-size: 11pt; } td.recipients b { font-size: 12pt; font-style: italic; }
figure.chart { margin: 8px 0; page-break-inside: avoid; } figure.chart figcaption { font-size: 11pt; font-style: italic; text-align: center; }
@media print {
  body { padding: 0; max-width: none; font-size: 12pt; }
  h2 { page-break-after: avoid; }
  table.data thead { display: table-header-group; }
  table.data tr, figure.chart, table.sign { page-break-inside: avoid; }
  tr.open_overdue td.num { color: #000; font-weight: bold; }
  a { color: #000; text-decoration: none; }
}
`;

const CHART_BUCKETS = [
  ['done_on_time', '#2e7d32'],
  ['done_late', '#ef6c00'],
  ['open_in_term', '#1565c0'],
  ['open_overdue', '#c62828'],
] as const;

/**
 * The four deadline buckets of each unit as one stacked bar, drawn here as inline SVG (no script,
 * no library): the same scale for every unit, so a longer bar is a unit with more tasks.
 */
export function unitChart(d: Digest, lang: Lang): string {
  const units = (d.units ?? []).filter((u) => u.code !== null);
  if (units.length === 0) return '';
  const e = escapeHtml;
  const label = 200;
  const bar = 380;
  const rowHeight = 22;
  const legendHeight = 24;
  const max = Math.max(1, ...units.map((u) => CHART_BUCKETS.reduce((a, [b]) => a + u[b], 0)));
  const rows = units.map((u, i) => {
    const y = legendHeight + i * rowHeight;
    let x = label;
    const parts = CHART_BUCKETS.filter(([b]) => u[b] > 0).map(([b, colour]) => {
      const w = (u[b] / max) * bar;
      const rect = `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${colour}"><title>${e(`${u.name}: ${BUCKET_LABELS[b][lang]} ${u[b]}`)}</title></rect>` +
        (w >= 14 ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + rowHeight / 2 + 4}" text-anchor="middle" fill="#fff" font-size="11">${u[b]}</text>` : '');
      x += w;
      return rect;
    });
    return `<g class="unit"><text x="${label - 6}" y="${y + rowHeight / 2 + 4}" text-anchor="end" font-size="12">${e(u.name)}</text>${parts.join('')}</g>`;
  });
  const legend = CHART_BUCKETS.map(([b, colour], i) => `<rect x="${i * 150}" y="4" width="12" height="12" fill="${colour}"/><text x="${i * 150 + 16}" y="14" font-size="11">${e(BUCKET_LABELS[b][lang])}</text>`).join('');
  const height = legendHeight + units.length * rowHeight + 4;
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" viewBox="0 0 ${label + bar + 20} ${height}" font-family="Times New Roman, serif"><title>${e(dw(lang, 'chartTitle'))}</title>${legend}${rows.join('')}</svg><figcaption>${e(dw(lang, 'chartTitle'))}</figcaption></figure>`;
}

function dataTable(table: ReportTable, lang: Lang): string {
  if (table.rows.length === 0) return `<p>${escapeHtml(dw(lang, 'none'))}</p>`;
  const head = table.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  const body = table.rows
    .map((r) => {
      const cells = r.cells
        .map((cell, i) => {
          const kind = table.columns[i].kind;
          const cls = kind === 'int' || kind === 'rate' ? ' class="num"' : kind === 'date' ? ' class="date"' : '';
          return `<td${cls}>${escapeHtml(cellText(cell, lang))}</td>`;
        })
        .join('');
      const cls = [r.total ? 'total' : '', r.bucket ?? ''].filter(Boolean).join(' ');
      return `<tr${cls ? ` class="${cls}"` : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="data"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function renderHtml(d: Digest, lang: Lang): string {
  const layout = layoutDigest(d, lang);
  const s = d.settings;
  const e = escapeHtml;
  const header = `<table class="head"><tr>
<td style="width:40%">${s['org.parent'] ? `<div class="upper">${e(s['org.parent'])}</div>` : ''}<div class="bold upper">${e(s['org.name'])}</div><span class="rule"></span><div>${e(numberLine(s))}</div></td>
<td style="width:60%"><div class="bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="bold">Độc lập - Tự do - Hạnh phúc</div><span class="rule"></span><div class="italic">${e(placeAndDate(s['org.place'], d.period.today))}</div></td>
</tr></table>`;
  const sign = `<table class="sign"><tr>
<td class="recipients" style="width:50%"><b>${e(dw(lang, 'recipients'))}</b><br>${recipientLines(s).map(e).join('<br>')}</td>
<td style="width:50%">${s['report.signerAuthority'] ? `<div class="bold upper">${e(s['report.signerAuthority'])}</div>` : ''}<div class="bold upper">${e(s['report.signerTitle'])}</div><div style="height:28mm"></div><div class="bold">${e(s['report.signer'])}</div></td>
</tr></table>`;
  const body = [
    ...layout.intro.map((line) => `<p>${e(line)}</p>`),
    ...layout.tables.map((t) => `<h2>${e(t.title)}</h2>\n${dataTable(t, lang)}${(t.notes ?? []).map((n) => `\n<p class="note">${e(n)}</p>`).join('')}${t.key === 'units' ? `\n${unitChart(d, lang)}` : ''}`),
    ...(layout.proposals ? [`<h2>${e(layout.proposals.title)}</h2>`, ...layout.proposals.paragraphs.map((p) => `<p>${e(p)}</p>`)] : []),
    `<p class="closing">${e(layout.closing)}</p>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${layout.title} ${layout.summary}`)}</title>
<style>${STYLE}</style>
</head>
<body>
${header}
<h1>${e(layout.title)}</h1>
<p class="summary">${e(layout.summary)}</p>
${body}
${sign}
</body>
</html>
`;
}
