/**
 * The libraries only some commands need (DOCX, XLSX, Word and PDF readers, e-mail, prompts) stay
 * outside the bundle and are loaded when those commands run, never when the CLI starts. Each
 * command here runs with a preload that records the packages the process loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase, PG_URL } from '../helpers/backend.js';
import { VERSION } from '../../src/cli/program.js';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

const HEAVY = ['docx', 'exceljs', 'csv-parse', 'mammoth', 'unpdf', 'nodemailer', '@inquirer/prompts', 'pg'];
let w: Workspace;

function loadedBy(args: string[]): string[] {
  const record = path.join(w.dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const result = w.run(args, { env: { NODE_OPTIONS: `--require ${path.join(ROOT, 'test/helpers/record-loaded.cjs')}`, TASKS_TEST_LOADED: record } });
  expect(result.code, result.stderr).toBe(0);
  return fs.readFileSync(record, 'utf8').split('\n').filter(Boolean);
}

beforeAll(() => {
  w = workspace('2026-11-20');
  expect(w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
  expect(w.run(['add', 'Báo cáo kết quả rà soát thủ tục hành chính', '--unit', 'VP', '--due', '2026-11-25']).code).toBe(0);
});

describe('start-up', () => {
  for (const args of [['--version'], ['due'], ['list', '--json'], ['show', '1'], ['done', '1', '--evidence', '12/BC-VP'], ['history', '1'], ['log', '--json']]) {
    it(`tasks ${args.join(' ')} loads none of the heavy libraries`, () => {
      const loaded = loadedBy(args);
      expect(loaded.filter((name) => HEAVY.includes(name))).toEqual([]);
    });
  }

  it('tasks --version alone answers without the bundle, with the version the program prints', () => {
    const shortcut = w.run(['--version']);
    const full = w.run(['--lang', 'vi', '--version']);
    expect(shortcut).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(full).toEqual(shortcut);
    expect(w.run(['-V'])).toEqual(shortcut);
    expect(fs.readFileSync(path.join(ROOT, 'dist', 'version.txt'), 'utf8')).toBe(full.stdout);
  });

  it('the DOCX writer is loaded for a DOCX digest, and the XLSX writer only for a workbook', () => {
    const forDocx = loadedBy(['digest', '--month', '2026-11', '--format', 'docx', '--out', path.join(w.dir, 'bao-cao.docx')]);
    expect(forDocx).toContain('docx');
    expect(forDocx).not.toContain('exceljs');
    const forXlsx = loadedBy(['digest', '--month', '2026-11', '--format', 'xlsx', '--out', path.join(w.dir, 'bao-cao.xlsx')]);
    expect(forXlsx).toContain('exceljs');
    expect(forXlsx).not.toContain('docx');
  });

  it('export and import-sheet load the XLSX library only for workbooks, the CSV parser only for CSV', () => {
    const csv = path.join(w.dir, 'nhiem-vu.csv');
    expect(loadedBy(['export', '--format', 'csv', '--out', csv]).filter((name) => HEAVY.includes(name))).toEqual([]);
    expect(loadedBy(['export', '--format', 'ics', '--out', path.join(w.dir, 'han.ics')]).filter((name) => HEAVY.includes(name))).toEqual([]);
    expect(loadedBy(['import-sheet', csv, '--dry-run']).filter((name) => HEAVY.includes(name))).toEqual(['csv-parse']);
    const xlsx = path.join(w.dir, 'nhiem-vu.xlsx');
    expect(loadedBy(['export', '--format', 'xlsx', '--out', xlsx]).filter((name) => HEAVY.includes(name))).toEqual(['exceljs']);
    expect(loadedBy(['import-sheet', xlsx, '--dry-run']).filter((name) => HEAVY.includes(name))).toEqual(['exceljs']);
  });
});

describe.runIf(PG_URL)('start-up on PostgreSQL', () => {
  it('loads pg only when the database is a postgres:// URL', () => {
    const pg = workspace('2026-11-20');
    const url = pg.postgres ? pg.db : freshPostgresDatabase();
    const record = path.join(pg.dir, 'loaded.txt');
    // A command that only reads does not fill an empty database: init makes the tables first.
    expect(pg.run(['init'], { env: { TASKS_DB: url } }).code).toBe(0);
    const result = pg.run(['due'], { env: { TASKS_DB: url, NODE_OPTIONS: `--require ${path.join(ROOT, 'test/helpers/record-loaded.cjs')}`, TASKS_TEST_LOADED: record } });
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(record, 'utf8').split('\n')).toContain('pg');
  });
});
