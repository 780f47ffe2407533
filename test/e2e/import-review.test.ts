/**
 * The review on a terminal, driven for real through a pseudo-terminal (util-linux `script`):
 * Enter accepts, the menu edits (several times an item) or skips, goes back or accepts the rest,
 * the timing is read as the importer reads it, a summary asks before writing, Ctrl+C writes nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, workspace, type Workspace } from '../helpers/cli.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript) console.warn('Bỏ qua kiểm thử hỏi đáp: máy không có lệnh "script" (util-linux)');

const DOWN = '\u001b[B';
const TEXT = 'Giám đốc Sở yêu cầu:\n1. Thanh tra Sở kiểm tra hồ sơ.\n2. Phòng Lãnh sự hướng dẫn công dân.\n3. Văn phòng Sở lưu trữ tài liệu trước ngày 30/12/2026.\n';

/** Runs `tasks import FILE` on a terminal; each [prompt, keys] pair answers when the prompt shows. */
function drive(ws: Workspace, file: string, steps: [RegExp, string][]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const command = `${process.execPath} ${BIN} import ${file}`;
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ws.dir,
      env: { PATH: process.env.PATH ?? '', HOME: ws.dir, TASKS_DB: ws.db, TASKS_TODAY: '2026-11-20', TASKS_USER: 'chuyenvien.vp', NO_COLOR: '1', TERM: 'xterm' },
    });
    let output = '';
    let step = 0;
    let from = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      while (step < steps.length) {
        const [prompt, keys] = steps[step];
        const found = prompt.exec(output.slice(from));
        if (!found) break;
        from += found.index + found[0].length;
        step += 1;
        child.stdin.write(keys);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}

describe.skipIf(!hasScript)('reviewing an import on a terminal', () => {
  function tracker(): Workspace {
    const ws = workspace();
    expect(ws.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
    return ws;
  }

  it('accepts with Enter, changes an owner, skips an item', async () => {
    const ws = tracker();
    const file = ws.file('kl.txt', TEXT);
    const result = await drive(ws, file, [
      [/Mục 1 \(1\/3\)/, '\r'],
      [/Mục 2 \(2\/3\)/, `${DOWN}\r`],
      [/Đơn vị chủ trì \(mã/, '\u0015HTQT\r'],
      [/Mục 2 \(2\/3\)/, '\r'],
      [/Mục 3 \(3\/3\)/, `${DOWN}${DOWN}${DOWN}\r`],
      [/Ghi vào cơ sở dữ liệu\?/, 'y\r'],
    ]);
    expect(result.code, result.output).toBe(0);
    const tasks = ws.json(['list']);
    expect(tasks.map((t: any) => [t.lead, t.text])).toEqual([
      ['TTR', 'Thanh tra Sở kiểm tra hồ sơ.'],
      ['HTQT', 'Phòng Lãnh sự hướng dẫn công dân.'],
    ]);
  });

  it('takes several corrections, goes back, reads the timing as the importer does, accepts the rest after a summary', async () => {
    const ws = tracker();
    const file = ws.file('kl.txt', TEXT);
    const result = await drive(ws, `${file} --number 12/TB-SNgV --issued 02/11/2026`, [
      [/Mục 1 \(1\/3\)/, `${DOWN}\r`],
      [/Đơn vị chủ trì \(mã/, '\u0015HTQT\r'],
      [/Mục 1 \(1\/3\)/, `${DOWN}${DOWN}\r`],
      [/Thời hạn \(/, 'hằng tháng trước ngày 20\r'],
      [/Mục 1 \(1\/3\)/, '\r'],
      [/Mục 2 \(2\/3\)/, `${DOWN}${DOWN}\r`],
      [/Thời hạn \(/, 'quý V\r'],
      [/thời hạn không có thật/, '\u0015quý I/2027\r'],
      [/Mục 2 \(2\/3\)/, `${DOWN}${DOWN}${DOWN}${DOWN}\r`],
      // Back on item 1, its two corrections kept; a third: an empty answer keeps the timing.
      [/Mục 1 \(1\/3\)/, `${DOWN}${DOWN}\r`],
      [/Thời hạn \(/, '\r'],
      [/Mục 1 \(1\/3\)/, '\r'],
      [/Mục 2 \(2\/3\)/, `${DOWN}${DOWN}${DOWN}${DOWN}${DOWN}\r`],
      [/Sẽ ghi văn bản 12\/TB-SNgV ngày 02\/11\/2026: 3 ý kiến chỉ đạo, 3 nhiệm vụ\.[\s\S]*Ghi vào cơ sở dữ liệu\?/, 'y\r'],
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('↑↓ chọn · Enter xác nhận');
    expect(result.output).toMatch(/Chủ trì: HTQT[\s\S]*Thời hạn: định kỳ hằng tháng[\s\S]*Mục 2 \(2\/3\)/);
    const tasks = ws.json(['list']);
    expect(tasks.map((t: any) => [t.lead, t.text, t.due, t.series?.every ?? null])).toEqual([
      ['HTQT', 'Thanh tra Sở kiểm tra hồ sơ.', expect.stringMatching(/-20$/), 'month'],
      ['LS', 'Phòng Lãnh sự hướng dẫn công dân.', '2027-03-31', null],
      ['VP', 'Văn phòng Sở lưu trữ tài liệu trước ngày 30/12/2026.', '2026-12-30', null],
    ]);
  });

  it.each([
    ['thường xuyên', { due: null, ongoing: true }],
    ['trước ngày 15/01/2027', { due: '2027-01-15', ongoing: false }],
    ['31/12/2026', { due: '2026-12-31', ongoing: false }],
    ['tháng 6/2027', { due: '2027-06-30', ongoing: false }],
  ])('reads the timing answer "%s" as the importer reads a directive', async (answer, expected) => {
    const ws = tracker();
    const file = ws.file('kl.txt', TEXT);
    const result = await drive(ws, file, [
      [/Mục 1 \(1\/3\)/, `${DOWN}${DOWN}\r`],
      [/Thời hạn \(/, `${answer}\r`],
      [/Mục 1 \(1\/3\)/, `${DOWN}${DOWN}${DOWN}${DOWN}\r`],
      [/Ghi vào cơ sở dữ liệu\?/, 'y\r'],
    ]);
    expect(result.code, result.output).toBe(0);
    expect(ws.json(['list'])[0]).toMatchObject({ lead: 'TTR', ...expected });
  });

  it('writes nothing when the summary is declined (Enter: no)', async () => {
    const ws = tracker();
    const file = ws.file('kl.txt', TEXT);
    const before = ws.snapshot();
    const result = await drive(ws, file, [
      // On the first item "back" is disabled, so the cursor passes over it.
      [/Mục 1 \(1\/3\)/, `${DOWN}${DOWN}${DOWN}${DOWN}\r`],
      [/Sẽ ghi văn bản \(chưa có số\): 3 ý kiến chỉ đạo, 3 nhiệm vụ\./, ''],
      [/Ghi vào cơ sở dữ liệu\? \(y: ghi · Enter: không ghi\)/, '\r'],
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Không ghi gì.');
    expect(result.output).toMatch(/✔ Ghi vào cơ sở dữ liệu\? không/);
    expect(ws.snapshot()).toBe(before);
  });

  it('writes nothing when Ctrl+C is pressed at a prompt', async () => {
    const ws = tracker();
    const file = ws.file('kl.txt', TEXT);
    const before = ws.snapshot();
    const result = await drive(ws, file, [
      [/Mục 1 \(1\/3\)/, '\r'],
      [/Mục 2 \(2\/3\)/, '\u0003'],
    ]);
    expect(result.code).toBe(130);
    expect(ws.snapshot()).toBe(before);
  });
});
