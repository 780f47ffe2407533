/**
 * Reports of a tracker with more overdue tasks than a meeting reads (issue 14, item 16): the
 * DOCX lists the first DOCX_MAX_ROWS of each long list, says so, and the full report is written
 * beside it as a workbook; the XLSX (streamed) holds every row. The memory bound itself (under
 * 300 MiB at 50,000 overdue tasks) is measured by `npm run bench:reports`, too slow for a test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HEADER_ROW } from '../../src/report/digest/xlsx.js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MAX_ROWS } from '../../src/report/digest/docx.js';
import { ROOT, type Workspace } from '../helpers/cli.js';
import { seededWorkspace } from '../helpers/seeded.js';

let ws: Workspace;
let overdue: number;

beforeAll(() => {
  ws = seededWorkspace(3000);
  // Some tasks done long ago were, in this tracker, never done: well over a DOCX's worth overdue.
  ws.sql(
    `update task set completed_on = null, evidence = null where id in (
       select id from task where completed_on is not null and cancelled_on is null and ongoing = 0 and lead_unit_id is not null
       and due_on < '2026-10-01' and last_extended_on is null order by id limit 250)`,
  );
  overdue = ws.json<unknown[]>(['overdue']).length;
  expect(overdue).toBeGreaterThan(DOCX_MAX_ROWS + 100);
}, 120_000);

async function docxText(file: string): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, text: xml.replace(/<[^>]+>/g, '') };
}

async function sheetRows(file: string, name: string): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  // The rows under the header row (the title, the as-of line and the period sit above it).
  return book.getWorksheet(name)!.rowCount - HEADER_ROW;
}

describe('a long overdue list', () => {
  it('overdue --format docx: the first rows, a line saying so, and the full list attached as XLSX', async () => {
    const out = path.join(ws.dir, 'qua-han.docx');
    const r = ws.run(['overdue', '--format', 'docx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const attachment = path.join(ws.dir, 'qua-han-day-du.xlsx');
    expect(r.stderr).toContain(attachment);
    const { xml, text } = await docxText(out);
    // The longest table is the list: a header row and DOCX_MAX_ROWS rows.
    const rows = xml.split('<w:tbl>').map((table) => (table.match(/<w:tr>|<w:tr /g) ?? []).length);
    expect(Math.max(...rows)).toBe(DOCX_MAX_ROWS + 1);
    expect(text).toContain(`Danh sách trên gồm ${DOCX_MAX_ROWS} trong tổng số ${overdue} nhiệm vụ`);
    expect(text).toContain('qua-han-day-du.xlsx');
    expect(await sheetRows(attachment, 'Quá hạn')).toBe(overdue);
  });

  it('digest --format docx to stdout: no file to attach, so the line says how to get the full list', async () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/tasks.js'), '--db', ws.db, '--today', '2026-11-20', 'digest', '--month', '2026-11', '--format', 'docx'], {
      env: { PATH: process.env.PATH ?? '', HOME: ws.dir, TASKS_USER: 'chuyenvien.vp', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status, r.stderr.toString()).toBe(0);
    const file = path.join(ws.dir, 'stdout.docx');
    fs.writeFileSync(file, r.stdout);
    const { text } = await docxText(file);
    expect(text).toContain(`Danh sách trên gồm ${DOCX_MAX_ROWS} trong tổng số ${overdue} nhiệm vụ`);
    expect(text).toContain('--format xlsx');
    expect(fs.readdirSync(ws.dir).filter((name) => name.endsWith('.xlsx'))).toEqual(['qua-han-day-du.xlsx']);
  });

  it('digest --format xlsx streams every row', async () => {
    const out = path.join(ws.dir, 'so-lieu.xlsx');
    const r = ws.run(['digest', '--month', '2026-11', '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(await sheetRows(out, 'Quá hạn')).toBe(overdue);
  });
});
