/**
 * Dates and values: a completion or assignment date after the as-of day is refused, as are values
 * past sane sizes (a unit name over 200 characters, a cell over 10,000); a leading apostrophe that
 * is part of the text survives a round trip through CSV and XLSX.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { expectRefused, type Tally } from '../helpers/refusal.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const tally: Tally = { tried: 0 };

function withUnits(): Workspace {
  const ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  return ws;
}

describe('dates after the as-of day', () => {
  it('add --issued, done --on and a sheet row completed tomorrow are refused, nothing written', () => {
    const ws = withUnits();
    expect(expectRefused(ws, ['add', 'Rà soát quy chế', '--unit', 'VP', '--due', '2026-12-30', '--source', '90/TB-SNgV', '--issued', '2026-11-21'], tally)).toMatch(/ngày giao 21\/11\/2026 sau ngày hôm nay/);
    expect(ws.run(['add', 'Rà soát quy chế', '--unit', 'VP', '--due', '2026-12-30']).code).toBe(0);
    expectRefused(ws, ['done', '1', '--on', '2026-11-21'], tally);
    const sheet = ws.file('theo-doi.csv', '\ufeffNội dung nhiệm vụ;Đơn vị chủ trì;Thời hạn;Ngày hoàn thành\r\nBáo cáo lãnh sự;LS;30/11/2026;21/11/2026\r\n');
    const before = ws.snapshot();
    const result = ws.run(['import-sheet', sheet]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dòng 2: ngày hoàn thành 21\/11\/2026 sau ngày hôm nay 20\/11\/2026/);
    expect(ws.snapshot()).toBe(before);
  });
});

describe('sizes', () => {
  it('a unit name over 200 characters and a cell over 10,000 are refused', () => {
    const ws = withUnits();
    expect(expectRefused(ws, ['unit', 'add', 'DAI', 'Phòng '.repeat(40)], tally)).toMatch(/tối đa 200/);
    expect(ws.run(['unit', 'add', 'DAI', `Phòng ${'x'.repeat(190)}`]).code).toBe(0);
    const sheet = ws.file('dai.csv', `\ufeffNội dung nhiệm vụ;Đơn vị chủ trì;Thời hạn\r\n${'Rà soát '.repeat(1300)};VP;30/11/2026\r\n`);
    const before = ws.snapshot();
    const result = ws.run(['import-sheet', sheet]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dòng 2: ô text dài \d+ ký tự, tối đa 10000/);
    expect(ws.snapshot()).toBe(before);
  });
});

describe('a leading apostrophe that is part of the text', () => {
  const TEXTS = ["'=SUM(A1:A3) là công thức mẫu", "'- Rà soát hồ sơ", "'Đề án' số 5", '=1+1 trong báo cáo', "''+84 912 000 111"];

  for (const format of ['csv', 'xlsx'] as const) {
    it(`survives export --format ${format} and import-sheet`, async () => {
      const ws = withUnits();
      for (const text of TEXTS) expect(ws.run(['add', text, '--unit', 'VP', '--due', '2026-12-30']).code).toBe(0);
      const file = path.join(ws.dir, `nhiem-vu.${format}`);
      expect(ws.run(['export', '--format', format, '--out', file]).code).toBe(0);
      if (format === 'xlsx') {
        // The cells are text: no formula was written.
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula ?? null).toBeNull())));
      } else {
        expect(fs.readFileSync(file, 'utf8')).not.toMatch(/(^|;|,)=1\+1/m);
      }
      const target = withUnits();
      const imported = target.run(['import-sheet', file]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(target.json<{ text: string }[]>(['list']).map((t) => t.text).sort()).toEqual([...TEXTS].sort());
    });
  }
});
