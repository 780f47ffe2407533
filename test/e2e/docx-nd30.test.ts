/**
 * The digest's DOCX against a Nghị định 30/2020 checklist, read from its XML: A4, margins, Times
 * New Roman and the decree's sizes, the page number from page 2, Quốc hiệu and Tiêu ngữ, the
 * lines, the closing "./.", "Nơi nhận"; and the "Đề xuất, kiến nghị" section from --note.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

let ws: Workspace;
let xml: string;
let text: string;
let zip: JSZip;
const MM = 56.7;

beforeAll(async () => {
  ws = workspace('2026-12-03');
  const at = (day: string, args: string[]) => expect(ws.run(args, { env: { TASKS_TODAY: day } }).code).toBe(0);
  at('2026-09-01', ['unit', 'import', path.join(ROOT, 'data/units-sample.json')]);
  at('2026-09-01', ['config', 'set', 'org.name', 'VĂN PHÒNG SỞ']);
  at('2026-09-01', ['add', 'Rà soát kế hoạch cải cách hành chính', '--unit', 'VP', '--due', '2026-10-15', '--source', '190/TB-STC']);
  at('2026-09-01', ['add', 'Sử dụng thư điện tử công vụ', '--unit', 'LS', '--ongoing']);
  const note = path.join(ws.dir, 'de-xuat.txt');
  fs.writeFileSync(note, 'Đề nghị Giám đốc Sở chỉ đạo các phòng hoàn thành nhiệm vụ quá hạn trước ngày 15/12/2026.\n\nĐề nghị bổ sung kinh phí.\n');
  const out = path.join(ws.dir, 'bao-cao.docx');
  const r = ws.run(['digest', '--month', '2026-11', '--note', note, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  zip = await JSZip.loadAsync(fs.readFileSync(out));
  xml = await zip.file('word/document.xml')!.async('string');
  text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
});

const attr = (tag: string, name: string) => Number(new RegExp(`<w:${tag} [^>]*w:${name}="(\\d+)"`).exec(xml)![1]);

describe('Nghị định 30/2020 checklist', () => {
  test('A4 portrait; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm', () => {
    expect(attr('pgSz', 'w')).toBe(11906);
    expect(attr('pgSz', 'h')).toBe(16838);
    const mm = (name: string) => attr('pgMar', name) / MM;
    for (const [side, lo, hi] of [['top', 20, 25], ['bottom', 20, 25], ['left', 30, 35], ['right', 15, 20]] as const) {
      expect(mm(side), side).toBeGreaterThanOrEqual(lo - 0.1);
      expect(mm(side), side).toBeLessThanOrEqual(hi + 0.1);
    }
  });

  test('Times New Roman throughout, at the decree\'s sizes (11–14 pt)', () => {
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    const sizes = new Set([...xml.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1])));
    for (const s of sizes) if (s !== 2) expect([22, 24, 26, 28], `size ${s / 2} pt`).toContain(s);
  });

  test('the page number is a field in the header, not on page 1 (titlePg)', async () => {
    expect(xml).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const target = (type: 'default' | 'first') => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(xml)![1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    };
    expect(await zip.file(`word/${target('default')}`)!.async('string')).toMatch(/PAGE/);
    expect(await zip.file(`word/${target('first')}`)!.async('string')).not.toMatch(/PAGE/);
  });

  test('Quốc hiệu and Tiêu ngữ, the issuing body, number, place and date', () => {
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('VĂN PHÒNG SỞ');
    expect(text).toMatch(/Số: .*\/BC-VP/);
    expect(text).toMatch(/, ngày 03 tháng 12 năm 2026/);
  });

  test('the line under the issuing body is a third to a half of the name\'s length', () => {
    // The first ruled paragraph is the agency's: its width is the cell's less both indents.
    const cell = Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(xml)![1]);
    const ruled = /<w:pBdr><w:bottom [^>]*\/><\/w:pBdr>(?:(?!<\/w:pPr>).)*?<w:ind w:left="(\d+)" w:right="(\d+)"\/>/s.exec(xml)!;
    const rule = cell - Number(ruled[1]) - Number(ruled[2]);
    // "VĂN PHÒNG SỞ" at 13 pt bold capitals: between 0.62 and 0.78 em a letter.
    const letters = [...'VĂN PHÒNG SỞ'].filter((c) => c !== ' ').length;
    const low = letters * 0.62 * 260;
    const high = letters * 0.78 * 260;
    expect(rule).toBeGreaterThanOrEqual(low / 3);
    expect(rule).toBeLessThanOrEqual(high / 2);
  });

  test('table columns are at least as wide as the longest word of their data cells: none breaks "Thường xuyên" or "190/TB-STC"', () => {
    // Times New Roman letters average about 0.5 em; a column narrower than that per letter must break the word.
    const tables = xml.split('<w:tbl>').slice(1).map((t) => t.split('</w:tbl>')[0]).filter((t) => t.includes('w:insideV') && t.includes('w:val="single"'));
    let checked = 0;
    for (const table of tables) {
      const cols = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const rows = table.split(/<w:tr[ >]/).slice(1).map((row) => row.split('<w:tc>').slice(1).map((cell) => [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
      // The cells' size in half-points (lists of eight columns or more are set at 11 pt).
      const sizes = table.split(/<w:tr[ >]/).slice(1).map((row) => row.split('<w:tc>').slice(1).map((cell) => Number(/<w:sz w:val="(\d+)"/.exec(cell)?.[1] ?? 26)));
      for (const [r, cells] of rows.entries()) {
        // Headers of the ten-column overdue list may still wrap inside a word at 11 pt: only data cells are held to it.
        if (r === 0) continue;
        for (const [i, cell] of cells.entries()) {
          for (const word of cell.split(/\s+/).filter((w) => w.length <= 12)) {
            const size = sizes[r][i] * 10;
            expect(size).toBeGreaterThanOrEqual(220);
            expect(cols[i], `"${word}"`).toBeGreaterThanOrEqual([...word].length * 0.5 * size + 80);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(text).toContain('Thường xuyên');
    expect(text).toContain('190/TB-STC');
  });

  test('"Đề xuất, kiến nghị" from --note, then the closing sentence with "./.", then Nơi nhận', () => {
    const proposals = text.indexOf('IX. ĐỀ XUẤT, KIẾN NGHỊ');
    const closing = text.indexOf('Văn phòng Sở báo cáo Giám đốc Sở./.');
    const recipients = text.indexOf('Nơi nhận:');
    expect(proposals).toBeGreaterThan(0);
    expect(text).toContain('Đề nghị bổ sung kinh phí.');
    expect(closing).toBeGreaterThan(proposals);
    expect(recipients).toBeGreaterThan(closing);
    expect(text).toContain('Lưu: VT, VP.');
  });

  test('the closing sentence is a config key; a missing --note file is refused in one line', () => {
    expect(ws.run(['config', 'set', 'report.closing', 'Văn phòng Sở kính báo cáo']).code).toBe(0);
    const md = ws.run(['digest', '--month', '2026-11', '--format', 'md']);
    expect(md.stdout.trimEnd().endsWith('Văn phòng Sở kính báo cáo./.')).toBe(true);
    const bad = ws.run(['digest', '--month', '2026-11', '--note', path.join(ws.dir, 'khong-co.txt'), '--format', 'md']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')[0]).toMatch(/^lỗi: /);
  });
});
