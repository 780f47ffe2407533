/**
 * Text arrives with CR/LF, tabs, Word's stray control characters and terminal escape sequences.
 * It is accepted (cleaned where it must be) and never acts on the reader: nothing raw reaches a
 * terminal or a pipe, no cell of a sheet starts a formula, no header of an e-mail is added.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { runAsync } from '../helpers/spawn-cli.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const ESC = '\u001b';
/** Escape sequences that clear the screen, retitle the window, hide text, and an 8-bit CSI. */
const ESCAPES = `${ESC}[2J${ESC}]0;mat-khau${'\u0007'}${ESC}[8m\u009b31m`;
/** What Word leaves in copied text: vertical tab (Shift+Enter), cell and field marks, soft and non-breaking hyphens. */
const WORD = '\u000b\u0007\u0013\u0014\u0015\u001e\u001f\u00ad';
/** Control characters a reader must never receive (tab and newline are plain output's own separators). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let ws: Workspace;
let dirtyId: number;

function clean(args: string[], env: Record<string, string> = {}): string {
  const result = ws.run(args, { env });
  expect(result.code, `tasks ${args.join(' ')}: ${result.stderr}`).toBe(0);
  expect(result.stdout, `tasks ${args.join(' ')} stdout`).not.toMatch(RAW_CONTROL);
  expect(result.stderr, `tasks ${args.join(' ')} stderr`).not.toMatch(RAW_CONTROL);
  return result.stdout;
}

beforeAll(() => {
  ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  ws.run(['config', 'set', 'office.email', 'vanphong@sngv.quanghoa.example.vn']);
  ws.run(['config', 'set', 'mail.from', 'nhacviec@sngv.quanghoa.example.vn']);
  const added = ws.run(['add', `Rà soát\r\nquy chế\tlàm việc${WORD}${ESCAPES} của Sở`, '--unit', 'VP', '--due', '2026-11-20', '--json']);
  expect(added.code, added.stderr).toBe(0);
  dirtyId = JSON.parse(added.stdout)[0].id;
});

describe('text with line breaks, tabs, Word marks and escape sequences', () => {
  it('is accepted and stored as one clean line', () => {
    const task = ws.json(['show', String(dirtyId)]);
    expect(task.text).toBe('Rà soát quy chế làm việc[2J]0;mat-khau[8m31m của Sở');
    expect(task.text).not.toMatch(RAW_CONTROL);
  });

  it('every other field a user types is cleaned the same way', () => {
    clean(['progress', String(dirtyId), `Đã gửi${ESCAPES}\r\ndự thảo`]);
    clean(['extend', String(dirtyId), '--to', '2026-12-10', '--reason', `Chờ${WORD} ý kiến\nBộ${ESC}[31m`]);
    clean(['unit', 'edit', 'LS', '--head', `Trưởng phòng${ESC}]0;x${'\u0007'}\r\nLãnh sự`]);
    clean(['config', 'set', 'org.name', `VĂN PHÒNG${ESC}[5m\r\nSỞ`]);
    const shown = ws.json(['show', String(dirtyId)]);
    expect(shown.progress[0].note).toBe('Đã gửi[2J]0;mat-khau[8m31m dự thảo');
    expect(shown.extensions[0].reason).toBe('Chờ ý kiến Bộ[31m');
    const ls = ws.json(['unit', 'list']).units.find((u: { code: string }) => u.code === 'LS');
    expect(ls.head).toBe('Trưởng phòng]0;x Lãnh sự');
    expect(JSON.stringify(ws.json(['config', 'list']))).not.toMatch(/\\u001b|\\r|\\n/);
  });

  it('no command prints a raw control character, and each task stays one line in plain output', () => {
    const list = clean(['list']);
    expect(list.trim().split('\n')).toHaveLength(1);
    clean(['due']);
    clean(['overdue', '--today', '2026-12-15']);
    clean(['show', String(dirtyId)]);
    clean(['history', String(dirtyId)]);
    clean(['log']);
    clean(['unit', 'list']);
    clean(['config', 'list']);
    clean(['digest', '--month', '2026-11']);
    clean(['digest', '--month', '2026-12', '--format', 'md'], { TASKS_TODAY: '2026-12-15' });
    clean(['remind', '--dry-run']);
  });

  // util-linux `script` gives the CLI a pseudo-terminal, so the table renderers run, not the plain lines.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a terminal too (tables), with colours off, not one escape byte is printed', () => {
    const commands = [['list'], ['due'], ['show', String(dirtyId)], ['history', String(dirtyId)], ['log'], ['unit', 'list']];
    const line = commands.map((args) => [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')).join('; ');
    const result = spawnSync('script', ['-qc', line, '/dev/null'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: ws.dir, TASKS_DB: ws.db, TASKS_TODAY: '2026-11-20', NO_COLOR: '1', TERM: 'xterm' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('#1');
    expect(result.stdout).not.toMatch(/[\u001b\u009b\u0007]/);
  });

  it('a conclusion with CR/LF line ends and escape sequences imports, and prints nothing raw', () => {
    const text = [
      'THÔNG BÁO',
      `Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 11${ESC}[2J`,
      'Giám đốc Sở yêu cầu các đơn vị thực hiện các nội dung sau:',
      `1. Phòng Lãnh sự rà soát hồ sơ${ESC}]0;x\u0007 hộ chiếu công vụ, hoàn thành trước ngày 15/12/2026.`,
      `2. Thanh tra Sở\u000bkiểm tra\u009b31m việc tiếp công dân, báo cáo trước ngày 20/12/2026.`,
    ].join('\r\n');
    const file = ws.file('ket-luan-ban-sao.txt', text);
    clean(['import', file, '--dry-run']);
    clean(['import', file, '--yes']);
    const imported = ws.json(['list', '--unit', 'LS']).concat(ws.json(['list', '--unit', 'TTR']));
    expect(imported).toHaveLength(2);
    for (const task of imported) expect(task.text).not.toMatch(RAW_CONTROL);
    clean(['list']);
  });

  it('an error quoting what was typed prints it without its escape sequences', () => {
    const result = ws.run(['show', `${ESC}[2J12\r\nBcc: x`]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('sheets', () => {
  it('no cell of the CSV or XLSX digest starts a formula, whatever the text begins with', async () => {
    clean(['unit', 'add', 'TCCB', '@SUM(1+1) Phòng Tổ chức cán bộ']);
    clean(['add', '=HYPERLINK("http://vi-du.example","Bấm vào đây")', '--unit', 'TCCB', '--due', '2026-11-10', '--today', '2026-11-01']);
    clean(['add', '+84 256 3822 000 gọi lại', '--unit', 'TCCB', '--due', '2026-11-12', '--today', '2026-11-01']);
    clean(['add', '--unit', 'TCCB', '--due', '2026-11-15', '--today', '2026-11-01', '--', '-2+3 hồ sơ']);
    clean(['progress', '4', '\t=1+1 đã xong một phần']);
    const csv = path.join(ws.dir, 'giao-ban.csv');
    clean(['digest', '--month', '2026-11', '--out', csv], { TASKS_TODAY: '2026-11-30' });
    const text = fs.readFileSync(csv, 'utf8').replace(/^\ufeff/, '');
    expect(text).toContain('HYPERLINK');
    for (const line of text.split('\r\n')) {
      // A cell starts after a comma or at the line's start, quoted or not.
      expect(line).not.toMatch(/(?:^|,)"?[=+\-@\t\r]/);
    }
    const xlsx = path.join(ws.dir, 'giao-ban.xlsx');
    clean(['digest', '--month', '2026-11', '--out', xlsx], { TASKS_TODAY: '2026-11-30' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    let strings = 0;
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === 'string') {
            strings++;
            expect(cell.value, `${sheet.name}!${cell.address}`).not.toMatch(/^[=+\-@\t\r]/);
          }
        }),
      );
    }
    expect(strings).toBeGreaterThan(20);
  });
});

describe('e-mail', () => {
  it('a line break in an address is refused; in a name or text it never becomes a header', async () => {
    const refused = ws.run(['unit', 'edit', 'VP', '--email', 'vanphong@sngv.quanghoa.example.vn\r\nBcc: ai-do@vi-du.example']);
    expect(refused.code).toBe(1);
    expect(ws.run(['config', 'set', 'office.email', 'vp@sngv.quanghoa.example.vn\nBcc: ai-do@vi-du.example']).code).toBe(1);
    clean(['config', 'set', 'mail.senderName', 'Văn phòng Sở\r\nBcc: ai-do@vi-du.example']);
    clean(['unit', 'edit', 'VP', '--name', 'Văn phòng Sở\r\nBcc: ai-do@vi-du.example']);
    clean(['add', 'Báo cáo\r\nBcc: ai-do@vi-du.example\r\n\r\nnội dung giả', '--unit', 'VP', '--due', '2026-11-20']);
    const result = await runAsync(ws, ['remind']);
    expect(result.code, result.stderr).toBe(0);
    const outbox = ws.outbox;
    const files = fs.readdirSync(outbox).filter((f) => f.endsWith('-VP.eml'));
    expect(files).toHaveLength(1);
    const raw = fs.readFileSync(path.join(outbox, files[0]));
    expect(raw.toString('latin1')).not.toMatch(/^bcc:/im);
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.from?.value[0].name).toBe('Văn phòng Sở Bcc: ai-do@vi-du.example');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(['vanphong@sngv.quanghoa.example.vn']);
    expect(mail.text).toContain('Báo cáo Bcc: ai-do@vi-du.example nội dung giả');
  });
});
