/** The renderers on a small digest built in memory: escaping and the parts every format shares. */
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { parseMonth, nextMonth } from '../../src/domain/months.js';
import { SETTINGS } from '../../src/domain/settings.js';
import { viewAsOf, type Task } from '../../src/domain/task.js';
import { buildDigest, overdueEntries } from '../../src/domain/digest/build.js';
import { renderCsv } from '../../src/report/digest/csv.js';
import { renderDocx } from '../../src/report/digest/docx.js';
import { renderHtml } from '../../src/report/digest/html.js';
import { digestJson } from '../../src/report/digest/json.js';
import { renderMarkdown } from '../../src/report/digest/markdown.js';
import { renderTerminal } from '../../src/report/digest/terminal.js';

const AS_OF = '2026-11-30';

function task(id: number, fields: Partial<Task>): Task {
  return {
    id,
    text: `Nhiệm vụ ${id}`,
    lead: { code: 'VP', name: 'Văn phòng Sở' },
    coordinating: [],
    ownerText: null,
    ongoing: false,
    originalDue: '2026-11-10',
    extensions: [],
    assignedOn: '2026-10-01',
    completedOn: null,
    evidence: null,
    completionNote: null,
    cancelledOn: null,
    cancelReason: null,
    source: null,
    series: null,
    ...fields,
  };
}

const tasks = [
  task(1, { text: 'Rà soát | báo cáo\nvà *tổng hợp* <b>ngay</b>' }),
  task(2, { lead: null, ownerText: 'Tổ công tác liên ngành', originalDue: '2026-11-20' }),
  task(3, { lead: { code: 'LS', name: 'Phòng Lãnh sự' }, completedOn: '2026-11-05', evidence: '=cmd' }),
];
const views = tasks.map((t) => viewAsOf(t, AS_OF));
const month = parseMonth('2026-11');
const digest = buildDigest({
  month,
  next: nextMonth(month),
  from: '2026-01-01',
  asOf: AS_OF,
  today: '2026-12-01',
  counted: views.map((v) => ({ bucket: v.bucket, lead: v.lead, n: 1 })),
  views,
  latestNotes: new Map([[1, { on: '2026-11-20', note: 'Đang trình | ký', by: 'vp' }]]),
  units: [
    { code: 'VP', name: 'Văn phòng Sở' },
    { code: 'LS', name: 'Phòng Lãnh sự' },
    { code: 'TTR', name: 'Thanh tra Sở' },
  ],
  unitFilter: null,
  settings: Object.fromEntries(SETTINGS.map((s) => [s.key, s.defaultValue])),
});

describe('the model', () => {
  test('a unit with no task keeps its row; tasks with no lead unit get a row of their own, last', () => {
    expect(digest.units!.map((u) => [u.code, u.assigned])).toEqual([
      ['VP', 1],
      ['LS', 1],
      ['TTR', 0],
      [null, 1],
    ]);
    expect(digest.overdue.map((v) => v.id)).toEqual([1, 2]);
  });

  test('JSON carries tasks in the core contract, with the latest note on overdue ones', () => {
    const json = digestJson(digest) as any;
    expect(json.overdue[0]).toMatchObject({ id: 1, lead: 'VP', bucket: 'open_overdue', daysLate: 20, latestNote: { on: '2026-11-20' } });
    expect(json.overdue[1]).toMatchObject({ id: 2, lead: null, ownerText: 'Tổ công tác liên ngành' });
    expect(json.completedThisMonth[0]).toMatchObject({ id: 3, bucket: 'done_on_time', completedOn: '2026-11-05' });
  });
});

describe('escaping', () => {
  test('Markdown: a pipe or a line break in stored text stays inside its cell', () => {
    const md = renderMarkdown(digest, 'vi');
    const row = md.split('\n').find((l) => l.includes('Rà soát'))!;
    expect(row).toContain('Rà soát \\| báo cáo và \\*tổng hợp\\* \\<b\\>ngay\\</b\\>');
    expect(row).toContain('Đang trình \\| ký');
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(10);
  });

  test('HTML: stored text is escaped', () => {
    const html = renderHtml(digest, 'vi');
    expect(html).toContain('&lt;b&gt;ngay&lt;/b&gt;');
    expect(html).not.toContain('<b>ngay</b>');
  });

  test('CSV: a line break is quoted, a formula neutralised, the BOM first', () => {
    const csv = renderCsv(digest, 'vi');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"#1. Rà soát | báo cáo\nvà *tổng hợp* <b>ngay</b>"');
    expect(csv).toContain(",'=cmd\r\n");
  });

  test('terminal: no line wider than 100 columns, in English too', () => {
    for (const lang of ['vi', 'en'] as const) {
      const out = renderTerminal(digest, { lang, tty: true, color: false, width: 160 });
      expect(Math.max(...out.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
    }
  });

  test('DOCX: stored text is XML-escaped in document.xml', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(digest, 'vi'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;b&gt;ngay&lt;/b&gt;');
    expect(xml).toContain('Tổ công tác liên ngành');
  });
});

test('the overdue list: earliest due first, then units in Vietnamese order (Đ after D, before P)', () => {
  const unit = (name: string) => ({ code: name.slice(0, 3), name });
  const list = [
    task(10, { lead: unit('Văn phòng Sở'), originalDue: '2026-11-02' }),
    task(11, { lead: unit('Văn phòng Sở'), originalDue: '2026-11-01' }),
    task(12, { lead: unit('Phòng Lãnh sự'), originalDue: '2026-11-02' }),
    task(13, { lead: unit('Đội kiểm tra'), originalDue: '2026-11-02' }),
    task(14, { lead: unit('Ban Dân vận'), originalDue: '2026-11-02' }),
    task(15, { lead: unit('Ban Dân vận'), originalDue: '2026-11-02' }),
  ].map((t) => viewAsOf(t, AS_OF));
  expect(overdueEntries(list, new Map()).map((v) => v.id)).toEqual([11, 14, 15, 13, 12, 10]);
});
