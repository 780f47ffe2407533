/**
 * The bad-input corpus (test/fixtures/bad/, plus a 20 MB file made here) through every command
 * that reads a file: each is refused in one line and the database is left byte for byte as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { expectRefused, type Tally } from '../helpers/refusal.js';

const BAD = path.join(ROOT, 'test', 'fixtures', 'bad');
const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const tally: Tally = { tried: 0 };
let ws: Workspace;

/** What `tasks import` must say about each file of the corpus. */
const IMPORT_REASONS: Record<string, RegExp> = {
  'rong.txt': /rỗng/,
  'nhi-phan.bin': /dữ liệu nhị phân/,
  'windows-1258.txt': /không phải UTF-8/,
  'khong-co-chi-dao.txt': /không tìm thấy ý kiến chỉ đạo/,
  'don-vi-hong.json': /dữ liệu JSON/,
  'don-vi-trung-ma.json': /dữ liệu JSON/,
  'don-vi-sai-kieu.json': /dữ liệu JSON/,
  'don-vi-sql.json': /dữ liệu JSON/,
  'qua-lon.txt': /quá lớn/,
  'khong-co.txt': /không có tệp/,
  'thu-muc': /không phải là tệp/,
};

/** What `tasks unit import` must say. */
const UNIT_REASONS: Record<string, RegExp> = {
  'rong.txt': /rỗng/,
  'nhi-phan.bin': /không phải là văn bản/,
  'windows-1258.txt': /không phải UTF-8/,
  'khong-co-chi-dao.txt': /không đọc được JSON/,
  'don-vi-hong.json': /không đọc được JSON/,
  'don-vi-trung-ma.json': /mã đơn vị "VP" lặp lại/,
  'don-vi-sai-kieu.json': /thiếu mảng "units"/,
  'don-vi-sql.json': /chỉ gồm chữ không dấu \(và Đ\), số, dấu gạch/,
  'qua-lon.txt': /quá lớn/,
  'khong-co.txt': /không có tệp/,
  'thu-muc': /không phải là tệp/,
};

function fileOf(name: string): string {
  return fs.existsSync(path.join(BAD, name)) ? path.join(BAD, name) : path.join(ws.dir, name);
}

beforeAll(() => {
  ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  expect(ws.run(['add', 'Rà soát quy chế làm việc của Sở', '--unit', 'VP', '--due', '2026-12-15']).code).toBe(0);
  // 20 MB of ordinary conclusion text, made here rather than kept in the repository.
  const paragraph = 'Giám đốc Sở yêu cầu Văn phòng Sở chủ trì, phối hợp với các phòng rà soát quy chế làm việc, hoàn thành trước ngày 30/11/2026.\n';
  fs.writeFileSync(path.join(ws.dir, 'qua-lon.txt'), paragraph.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(paragraph))));
  fs.mkdirSync(path.join(ws.dir, 'thu-muc'));
});

afterAll(() => {
  console.info(`bad input files × commands tried: ${tally.tried}`);
});

describe('the bad-input corpus', () => {
  it('holds the files the issue names', () => {
    expect(fs.readdirSync(BAD).sort()).toEqual(Object.keys(IMPORT_REASONS).filter((f) => fs.existsSync(path.join(BAD, f))).sort());
    expect(fs.statSync(path.join(ws.dir, 'qua-lon.txt')).size).toBeGreaterThanOrEqual(20 * 1024 * 1024);
  });

  for (const name of Object.keys(IMPORT_REASONS)) {
    it(`${name}: refused by import, import --dry-run, unit import and restore`, () => {
      const file = fileOf(name);
      expect(expectRefused(ws, ['import', file, '--yes'], tally)).toMatch(IMPORT_REASONS[name]);
      expect(expectRefused(ws, ['import', file, '--dry-run', '--json'], tally)).toMatch(IMPORT_REASONS[name]);
      expect(expectRefused(ws, ['unit', 'import', file], tally)).toMatch(UNIT_REASONS[name]);
      // restore is for SQLite files; on PostgreSQL it refuses any file (test/e2e/backup-restore.test.ts).
      if (!ws.postgres) expect(expectRefused(ws, ['restore', file, '--yes'], tally)).toMatch(/không phải là cơ sở dữ liệu của tasks|không có tệp|không phải là tệp/);
    });
  }
});
