/** The office's daily work (issue "The giao ban report and the daily work", items 9–16): the real CLI on a real database. */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

/** The texts of a header's RFC 2047 Q encoded-words, decoded one by one. */
function encodedWords(field: string): string[] {
  return [...field.matchAll(/=\?UTF-8\?Q\?([^?]+)\?=/g)].map((m) =>
    Buffer.from(m[1].replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

const SAMPLE_UNITS = path.join(ROOT, 'data', 'units-sample.json');
const NOTICE = path.join(ROOT, 'test', 'fixtures', 'thong-bao-112.txt');

function must(ws: Workspace, args: string[], env?: Record<string, string>): string {
  const r = ws.run(args, { env });
  if (r.code !== 0) throw new Error(`tasks ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function withUnits(today = '2026-05-10'): Workspace {
  const ws = workspace(today);
  must(ws, ['unit', 'import', SAMPLE_UNITS]);
  must(ws, ['config', 'set', 'office.email', 'vanphong@sngv.quanghoa.example.vn']);
  return ws;
}

describe('import --undo after reminders went out', () => {
  it('undoes the import, keeps what was sent in the audit trail and says so', () => {
    const ws = withUnits();
    must(ws, ['import', NOTICE, '--yes']);
    must(ws, ['remind', '--outbox', path.join(ws.dir, 'ob')]);
    const reminded = ws.sql<{ n: number }>('select count(*) as n from reminder')[0].n;
    expect(Number(reminded)).toBeGreaterThan(0);
    const r = ws.run(['import', '--undo', '112/TB-SNgV']);
    expect(r.stderr).not.toMatch(/FOREIGN KEY|lỗi nội bộ/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Đã hủy lần nhập văn bản 112\/TB-SNgV/);
    expect(r.stderr).toMatch(new RegExp(`nhắc việc đã gửi \\(${reminded}\\) vẫn còn trong nhật ký`));
    expect(ws.json(['list'])).toEqual([]);
    expect(Number(ws.sql<{ n: number }>('select count(*) as n from reminder')[0].n)).toBe(0);
    const log = ws.json<any[]>(['log']);
    expect(log.filter((e) => e.action === 'remind.task').length).toBeGreaterThan(0);
    expect(log.at(-1)).toMatchObject({ action: 'source.undo-import' });
    // The same conclusion can be imported again afterwards.
    expect(ws.json(['import', NOTICE, '--yes']).taskCount).toBeGreaterThan(0);
  });

  it('still refuses once a unit head asked for an extension', () => {
    const ws = withUnits();
    must(ws, ['import', NOTICE, '--yes']);
    must(ws, ['user', 'add', 'Chuyên viên', '--login', 'chuyenvien.vp', '--role', 'office']);
    must(ws, ['user', 'add', 'Trưởng phòng LS', '--login', 'tp.ls', '--role', 'head', '--unit', 'LS']);
    const ls = ws.json<any[]>(['list', '--unit', 'LS'])[0];
    must(ws, ['extend', String(ls.id), '--to', '30/06/2026', '--reason', 'Chờ ý kiến'], { TASKS_USER: 'tp.ls' });
    const before = ws.snapshot();
    const r = ws.run(['import', '--undo', '112/TB-SNgV']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không hủy được/);
    expect(ws.snapshot()).toBe(before);
  });
});

const RECURRING = `Số: 55/TB-SNgV
Quảng Hòa, ngày 10 tháng 11 năm 2026
THÔNG BÁO
Kết luận của Giám đốc Sở
Giám đốc Sở yêu cầu:
1. Văn phòng Sở tổng hợp báo cáo tình hình thực hiện nhiệm vụ hằng tháng, trước ngày 20.
2. Phòng Lãnh sự báo cáo công tác lãnh sự hằng quý, trước ngày 15 của tháng cuối quý.
3. Thanh tra Sở báo cáo hằng tháng.
`;

describe('a recurring directive imported mid-period', () => {
  const dues = (ws: Workspace) => ws.json<any[]>(['list']).map((t) => [t.lead, t.due, t.bucket]);

  it('is not overdue on the day it is imported: the first period whose due day is still ahead', () => {
    const ws = withUnits('2026-11-25');
    must(ws, ['import', ws.file('kl.txt', RECURRING), '--yes']);
    // VP's "before the 20th" of November has passed by the 25th: December is its first period.
    expect(dues(ws)).toEqual([
      ['LS', '2026-12-15', 'open_in_term'],
      ['TTR', '2026-11-30', 'open_in_term'],
    ]);
    expect(ws.json<any[]>(['due']).filter((t) => t.section === 'overdue')).toEqual([]);
    const december = ws.run(['list', '--json'], { env: { TASKS_TODAY: '2026-12-01' } });
    expect(JSON.parse(december.stdout).filter((t: any) => t.lead === 'VP').map((t: any) => t.due)).toEqual(['2026-12-20']);
  });

  it('starts with the current period when its due day is still ahead, due on that day', () => {
    const ws = withUnits('2026-11-12');
    must(ws, ['import', ws.file('kl.txt', RECURRING), '--yes']);
    expect(dues(ws)).toEqual([
      ['VP', '2026-11-20', 'open_in_term'],
      ['LS', '2026-12-15', 'open_in_term'],
      ['TTR', '2026-11-30', 'open_in_term'],
    ]);
  });
});

describe("a unit head's tasks due", () => {
  it("shows the head's unit by default, the whole Sở with --all; the office sees the whole Sở", () => {
    const ws = withUnits('2026-11-20');
    must(ws, ['add', 'Rà soát thủ tục lãnh sự', '--unit', 'LS', '--due', '19/11/2026', '--source', '84/TB-SNgV', '--issued', '2026-10-01']);
    must(ws, ['add', 'Kiểm tra thư điện tử công vụ', '--unit', 'VP', '--due', '23/11/2026']);
    must(ws, ['add', 'Đón đoàn vào', '--unit', 'HTQT', '--due', '25/11/2026']);
    must(ws, ['user', 'add', 'Chuyên viên', '--login', 'chuyenvien.vp', '--role', 'office']);
    must(ws, ['user', 'add', 'Trưởng phòng LS', '--login', 'tp.ls', '--role', 'head', '--unit', 'LS']);
    const head = { TASKS_USER: 'tp.ls' };
    const leads = (args: string[], env?: Record<string, string>) => JSON.parse(must(ws, [...args, '--json'], env)).map((t: any) => t.lead);
    expect(leads(['due'], head)).toEqual(['LS']);
    expect(leads(['due', '--all'], head)).toEqual(['LS', 'VP', 'HTQT']);
    expect(leads(['due', '--unit', 'HTQT'], head)).toEqual(['HTQT']);
    expect(leads(['due'])).toEqual(['LS', 'VP', 'HTQT']);
    const plain = ws.run(['due'], { env: head });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/Nhiệm vụ do Phòng Lãnh sự chủ trì; cả Sở: tasks due --all/);
    expect(plain.stdout).not.toMatch(/VP|HTQT/);
    expect(ws.run(['due', '--all', '--unit', 'VP']).code).toBe(2);
  });
});

/** thong-bao-112 corrected: item 2's deadline moved, item 3 dropped (the rest renumbered), a new item 8. */
function corrected(): string {
  let text = fs.readFileSync(NOTICE, 'utf8');
  text = text.replace('chậm nhất ngày 15/5.', 'chậm nhất ngày 29/5.');
  text = text.replace(/3\. Phòng Hợp tác quốc tế khẩn trương[^\n]*\n/, '');
  for (const n of [4, 5, 6, 7, 8]) text = text.replace(`\n${n}. `, `\n${n - 1}. `);
  return text.replace(
    '7. Tiếp tục quán triệt việc sử dụng chữ ký số trên văn bản điện tử.',
    '7. Tiếp tục quán triệt việc sử dụng chữ ký số trên văn bản điện tử.\n8. Thanh tra Sở kiểm tra việc giải quyết hồ sơ hợp pháp hóa lãnh sự, báo cáo trước ngày 30/6/2026.',
  );
}

describe('import --update of a corrected conclusion with the same number', () => {
  function imported(): { ws: Workspace; file: string; ls: any; htqt: any } {
    const ws = withUnits('2026-03-20');
    must(ws, ['import', NOTICE, '--yes']);
    const tasks = ws.json<any[]>(['list']);
    const ls = tasks.find((t) => t.lead === 'LS' && /Hội nghị công tác lãnh sự/.test(t.text));
    const htqt = tasks.find((t) => t.lead === 'HTQT' && /thỏa thuận quốc tế/.test(t.text));
    must(ws, ['progress', String(ls.id), 'Đã dự thảo kế hoạch hội nghị']);
    must(ws, ['progress', String(htqt.id), 'Đang lấy ý kiến các sở']);
    return { ws, file: ws.file('112-ban-sua.txt', corrected()), ls, htqt };
  }

  it('without --update shows new, changed and removed directives and writes nothing', () => {
    const { ws, file } = imported();
    const before = ws.snapshot();
    const r = ws.run(['import', file, '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/đã được nhập trước đây/);
    expect(r.stderr).toMatch(/Bản này khác bản đã nhập/);
    expect(r.stderr).toMatch(/--update/);
    expect(r.stdout).toMatch(/\+ Mục 8 \(mới\)\s+Thanh tra Sở kiểm tra/);
    expect(r.stdout).toMatch(/~ Mục 2 \(sửa\)\s+Phòng Lãnh sự .*29\/5/);
    expect(r.stdout).toMatch(/trước: .*15\/5/);
    expect(r.stdout).toMatch(/- Mục 3 \(bỏ\)\s+Phòng Hợp tác quốc tế/);
    const json = ws.json(['import', file]);
    expect(json).toMatchObject({ alreadyImported: true, taskCount: 0, updated: false });
    expect(json.changes.added.map((d: any) => d.ordinal)).toEqual(['8']);
    expect(json.changes.changed.find((c: any) => c.ordinal === '2')).toMatchObject({ was: { ordinal: '2' }, redated: [{ from: '2026-05-15', to: '2026-05-29' }] });
    expect(json.changes.removed.map((d: any) => d.ordinal)).toEqual(['3']);
    expect(ws.snapshot()).toBe(before);
  });

  it('with --update applies it: the changed task keeps its id and history, the removed one is cancelled with a reason', () => {
    const { ws, file, ls, htqt } = imported();
    const count = ws.json<any[]>(['list']).length;
    const r = ws.run(['import', file, '--update']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Đã cập nhật văn bản 112\/TB-SNgV: 1 mục mới \(1 nhiệm vụ mới\).*1 mục bỏ; 1 nhiệm vụ dừng thực hiện/);
    const tasks = ws.json<any[]>(['list']);
    expect(tasks).toHaveLength(count + 1);
    expect(tasks.find((t) => /hồ sơ hợp pháp hóa lãnh sự/.test(t.text))).toMatchObject({ lead: 'TTR', due: '2026-06-30', bucket: 'open_in_term' });
    const changed = ws.json(['show', String(ls.id)]);
    expect(changed).toMatchObject({ id: ls.id, due: '2026-05-29', originalDue: '2026-05-29', bucket: 'open_in_term' });
    expect(changed.text).toMatch(/29\/5/);
    expect(changed.progress.map((p: any) => p.note)).toEqual(['Đã dự thảo kế hoạch hội nghị']);
    const removed = ws.json(['show', String(htqt.id)]);
    expect(removed).toMatchObject({ bucket: 'cancelled', cancelledOn: '2026-03-20' });
    expect(removed.cancelReason).toMatch(/112\/TB-SNgV.*mục 3/);
    expect(removed.progress).toHaveLength(1);
    expect(ws.json<any[]>(['log']).at(-1)).toMatchObject({ action: 'source.update-import' });
    // Applied once: the same corrected file again finds nothing new.
    const again = ws.run(['import', file, '--update', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyImported: true, taskCount: 0 });
    expect(JSON.parse(again.stdout).changes).toBeUndefined();
    expect(ws.json<any[]>(['list'])).toHaveLength(count + 1);
  });

  it('keeps a completed task completed when its directive is corrected', () => {
    const { ws, file, ls } = imported();
    must(ws, ['done', String(ls.id), '--evidence', '45/BC-LS']);
    must(ws, ['import', file, '--update', '--yes']);
    expect(ws.json(['show', String(ls.id)])).toMatchObject({ bucket: 'done_on_time', evidence: '45/BC-LS', due: '2026-05-15' });
    expect(ws.json(['show', String(ls.id)]).text).toMatch(/29\/5/);
  });
});

describe('history and show in words', () => {
  it('says what happened, never an event code or an English key', () => {
    const ws = withUnits('2026-12-03');
    must(ws, ['add', 'Rà soát hồ sơ tiếp công dân', '--unit', 'LS', '--due', '09/12/2026']);
    must(ws, ['user', 'add', 'Chuyên viên', '--login', 'chuyenvien.vp', '--role', 'office']);
    must(ws, ['user', 'add', 'Trưởng phòng LS', '--login', 'tp.ls', '--role', 'head', '--unit', 'LS']);
    must(ws, ['extend', '1', '--to', '18/12/2026', '--reason', 'Chờ ý kiến của Bộ'], { TASKS_USER: 'tp.ls' });
    const show = must(ws, ['show', '1']);
    expect(show).toMatch(/Đề nghị gia hạn đến 18\/12\/2026 \(gửi 03\/12\/2026\), hạn hiện tại 09\/12\/2026/);
    must(ws, ['extend', '1', '--approve']);
    must(ws, ['edit', '1', '--text', 'Rà soát lại hồ sơ tiếp công dân']);
    must(ws, ['progress', '1', 'Đã dự thảo báo cáo'], { TASKS_USER: 'tp.ls' });
    must(ws, ['done', '1', '--on', '15/12/2026', '--evidence', '31/BC-LS'], { TASKS_USER: 'tp.ls', TASKS_TODAY: '2026-12-15' });
    const history = must(ws, ['history', '1']);
    const words = history.trim().split('\n').map((line) => line.split('\t')[4]);
    // An entry names its "as of" day when that differs from the day it was written on, which is
    // the real day in Việt Nam (after 17:00 UTC already the next one), not the tracker's.
    const written = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    const asOf = (day: string) => (day === written ? '' : ` (ghi theo ngày ${day.split('-').reverse().join('/')})`);
    expect(words).toEqual([
      `Giao “Rà soát hồ sơ tiếp công dân” cho LS, hạn 09/12/2026${asOf('2026-12-03')}`,
      'Đề nghị gia hạn đến 18/12/2026 (gửi 03/12/2026), hạn hiện tại 09/12/2026; lý do: Chờ ý kiến của Bộ',
      `Duyệt đề nghị gia hạn của tp.ls (gửi 03/12/2026): hạn 09/12/2026 → 18/12/2026; lý do: Chờ ý kiến của Bộ${asOf('2026-12-03')}`,
      `Sửa nội dung: “Rà soát hồ sơ tiếp công dân” → “Rà soát lại hồ sơ tiếp công dân”${asOf('2026-12-03')}`,
      `Báo cáo tiến độ: Đã dự thảo báo cáo${asOf('2026-12-03')}`,
      `Hoàn thành ngày 15/12/2026, văn bản báo cáo 31/BC-LS${asOf('2026-12-15')}`,
    ]);
    const all = `${history}\n${must(ws, ['show', '1'], { TASKS_TODAY: '2026-12-15' })}\n${must(ws, ['log'])}`;
    expect(all).not.toMatch(/task\.|user\.|source\.|\b(from|to|reason|evidence|completedOn|requestedBy|before|after|asOf):/);
    expect(all).not.toMatch(/[{}"]/);
  });
});

describe('a unit code with Đ and the reminder e-mail', () => {
  const LONG = 'Phòng Tin học, Chuyển đổi số và Cải cách hành chính thuộc Sở Tài chính tỉnh Quảng Hòa';

  function tracker(): Workspace {
    const ws = workspace('2026-12-03');
    must(ws, ['unit', 'add', 'TCĐT', LONG, '--email', 'tcdt@stc.quanghoa.example.vn', '--head', 'Trưởng phòng Tin học']);
    must(ws, ['config', 'set', 'mail.from', 'nhacviec@stc.quanghoa.example.vn']);
    must(ws, ['config', 'set', 'mail.senderName', 'Văn phòng Sở Tài chính tỉnh Quảng Hòa (bộ phận theo dõi nhiệm vụ)']);
    must(ws, ['add', 'Triển khai chữ ký số cho công chức', '--unit', 'tcdt', '--due', '05/12/2026']);
    must(ws, ['progress', '1', 'Đã cấp 40/55 chứng thư số'], { TASKS_TODAY: '2026-12-03' });
    return ws;
  }

  it('takes TCĐT as a code and finds it typed without the mark', () => {
    const ws = tracker();
    expect(ws.json<any[]>(['list', '--unit', 'TCDT']).map((t) => t.lead)).toEqual(['TCĐT']);
    expect(ws.json<any>(['unit', 'list']).units.map((u: any) => u.code)).toEqual(['TCĐT']);
  });

  it('says "Mã nhiệm vụ #N", the last progress note and how to report completion; names are encoded whole', async () => {
    const ws = tracker();
    must(ws, ['config', 'set', 'office.email', 'vanphong@stc.quanghoa.example.vn']);
    const outbox = path.join(ws.dir, 'ob');
    must(ws, ['remind', '--outbox', outbox]);
    const [file] = fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(file).toMatch(/-TCDT\.eml$/);
    const raw = fs.readFileSync(path.join(outbox, file));
    const mail = await simpleParser(raw);
    const text = mail.text ?? '';
    expect(text).toMatch(/Mã nhiệm vụ #1 · Hạn xử lý: 05\/12\/2026/);
    expect(text).toMatch(/Tiến độ gần nhất: 03\/12\/2026: Đã cấp 40\/55 chứng thư số/);
    expect(text).toMatch(/Cách báo cáo hoàn thành: gửi văn bản báo cáo kết quả, ghi rõ Mã nhiệm vụ, về .*\(vanphong@stc\.quanghoa\.example\.vn\)/);
    expect(text).toMatch(/tasks done 1 --evidence/);
    expect(mail.html).toMatch(/Mã nhiệm vụ #1/);
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.value : [];
    expect(to).toEqual([{ address: 'tcdt@stc.quanghoa.example.vn', name: LONG }]);
    expect(mail.from?.value[0].name).toBe('Văn phòng Sở Tài chính tỉnh Quảng Hòa (bộ phận theo dõi nhiệm vụ)');
    // Every encoded-word of a name holds whole words: cut only after a space, never inside a word.
    const head = raw.toString('latin1').split('\r\n\r\n')[0];
    const toField = /^To: (.*(?:\r\n[ \t].*)*)/m.exec(head)![1];
    const words = encodedWords(toField);
    expect(words.length).toBeGreaterThan(1);
    expect(words.join('')).toBe(LONG);
    for (const w of words.slice(0, -1)) expect(w).toMatch(/ $/);
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    // The subject too: "[Nhắc việc] 1 nhiệm vụ sắp đến hạn — …" never cut inside "nhiệm".
    expect(mail.subject).toBe(`[Nhắc việc] 1 nhiệm vụ sắp đến hạn — ${LONG}`);
    const subjectField = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(head)![1];
    const subjectWords = encodedWords(subjectField);
    expect(subjectWords.join('')).toBe(mail.subject);
    for (const w of subjectWords.slice(0, -1)) expect(w).toMatch(/ $/);
  });

  it('runs with mail.from alone: office.email is optional', () => {
    const ws = tracker();
    const r = ws.run(['remind', '--outbox', path.join(ws.dir, 'ob')]);
    expect(r.code, r.stderr).toBe(0);
    const [file] = fs.readdirSync(path.join(ws.dir, 'ob'));
    const raw = fs.readFileSync(path.join(ws.dir, 'ob', file), 'utf8');
    expect(raw).toMatch(/^To: /m);
    expect(raw).not.toMatch(/^Cc: /m);
  });
});

describe('no sample agency in a new database', () => {
  const units = (organization?: string) =>
    JSON.stringify({ ...(organization ? { organization } : {}), units: [{ code: 'VP', name: 'Văn phòng Sở', email: 'vp@stc.example.vn' }, { code: 'NS', name: 'Phòng Ngân sách', email: 'ns@stc.example.vn' }] });

  it('refuses a DOCX or HTML digest until the agency is known, and never prints SỞ NGOẠI VỤ', () => {
    const ws = workspace('2026-11-20');
    must(ws, ['unit', 'import', ws.file('dv.json', units())]);
    must(ws, ['add', 'Lập dự toán ngân sách 2027', '--unit', 'NS', '--due', '30/11/2026']);
    expect(ws.json<any[]>(['config', 'list']).find((c) => c.key === 'org.parent')).toMatchObject({ value: '', default: true });
    const before = ws.snapshot();
    for (const name of ['bc.docx', 'bc.html']) {
      const r = ws.run(['digest', '--month', '2026-11', '--out', name]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/chưa có tên cơ quan cho tiêu đề báo cáo \(org\.parent\).*tasks config set org\.parent/);
      expect(fs.existsSync(path.join(ws.dir, name))).toBe(false);
    }
    expect(ws.snapshot()).toBe(before);
    expect(ws.run(['digest', '--month', '2026-11']).code).toBe(0);
    must(ws, ['config', 'set', 'org.parent', 'SỞ TÀI CHÍNH']);
    must(ws, ['digest', '--month', '2026-11', '--out', 'bc.html']);
    const html = fs.readFileSync(path.join(ws.dir, 'bc.html'), 'utf8');
    expect(html).toContain('SỞ TÀI CHÍNH');
    expect(html).not.toMatch(/NGOẠI VỤ/i);
  });

  it('takes the agency from the units file\'s organization, and never replaces one set by hand', () => {
    const ws = workspace('2026-11-20');
    const r = ws.run(['unit', 'import', ws.file('dv.json', units('Sở Tài chính tỉnh Quảng Hòa'))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Cơ quan ghi trên báo cáo \(org\.parent\): SỞ TÀI CHÍNH/);
    expect(ws.json<any>(['config', 'get', 'org.parent'])).toMatchObject({ value: 'SỞ TÀI CHÍNH' });
    expect(ws.json<any>(['config', 'get', 'org.place'])).toMatchObject({ value: 'Quảng Hòa', default: false });
    must(ws, ['add', 'Lập dự toán ngân sách 2027', '--unit', 'NS', '--due', '30/11/2026']);
    must(ws, ['digest', '--month', '2026-11', '--out', 'bc.html']);
    expect(fs.readFileSync(path.join(ws.dir, 'bc.html'), 'utf8')).toContain('SỞ TÀI CHÍNH');
    must(ws, ['config', 'set', 'org.parent', 'UBND TỈNH QUẢNG HÒA']);
    must(ws, ['unit', 'import', ws.file('dv2.json', units('Sở Ngoại vụ tỉnh Bình Định'))]);
    expect(ws.json<any>(['config', 'get', 'org.parent']).value).toBe('UBND TỈNH QUẢNG HÒA');
    expect(ws.json<any>(['config', 'get', 'org.place']).value).toBe('Quảng Hòa');
    const other = workspace('2026-11-20');
    must(other, ['unit', 'import', other.file('dv.json', units('Sở Tài chính tỉnh Bình Định'))]);
    expect(other.json<any>(['config', 'get', 'org.place']).value).toBe('Bình Định');
  });
});

describe('the giao ban report: period, rates with their formula, units worst first', () => {
  function tracker(): Workspace {
    const ws = withUnits('2026-12-03');
    must(ws, ['add', 'Báo cáo công tác lãnh sự quý III', '--unit', 'LS', '--due', '10/10/2026', '--source', '11/TB-SNgV', '--issued', '2026-09-01']);
    must(ws, ['add', 'Rà soát hồ sơ hộ chiếu công vụ', '--unit', 'LS', '--due', '20/11/2026', '--source', '12/TB-SNgV', '--issued', '2026-11-05']);
    must(ws, ['add', 'Kiểm tra thư điện tử công vụ', '--unit', 'VP', '--due', '05/11/2026', '--source', '13/TB-SNgV', '--issued', '2026-10-20']);
    must(ws, ['add', 'Chuẩn bị đón đoàn tỉnh kết nghĩa', '--unit', 'HTQT', '--due', '25/12/2026', '--source', '14/TB-SNgV', '--issued', '2026-11-16']);
    must(ws, ['done', '2', '--on', '2026-11-18', '--evidence', '20/BC-LS']);
    must(ws, ['done', '3', '--on', '2026-11-10', '--evidence', '21/BC-VP']);
    return ws;
  }

  it('a calendar month: assigned in the period beside the cumulative figures, and the previous month with the change', () => {
    const ws = tracker();
    const d = ws.json(['digest', '--month', '2026-11']);
    expect(d.period).toMatchObject({ kind: 'month', start: '2026-11-01', end: '2026-11-30', asOf: '2026-11-30' });
    expect(d.inPeriod).toMatchObject({ assigned: 2, done_on_time: 1, open_in_term: 1, onTimeRate: 1 });
    expect(d.totals).toMatchObject({ assigned: 4, done_on_time: 1, done_late: 1, open_overdue: 1, open_in_term: 1, onTimeRate: 1 / 3 });
    expect(d.previous).toMatchObject({ start: '2026-10-01', end: '2026-10-31', totals: { assigned: 2, open_overdue: 1, open_in_term: 1, onTimeRate: 0 } });
    const md = must(ws, ['digest', '--month', '2026-11', '--format', 'md']);
    expect(md).toMatch(/Kỳ báo cáo: tháng 11\/2026, từ ngày 01\/11\/2026 đến ngày 30\/11\/2026\./);
    expect(md).toMatch(/Số liệu tính đến hết ngày 30\/11\/2026/);
    expect(md).toMatch(/\| Tình trạng \| Giao trong kỳ \| Lũy kế \| Tỷ trọng \| Lũy kế kỳ trước \| Tăng, giảm \|/);
    expect(md).toMatch(/\| Hoàn thành đúng hạn \| 1 \| 1 \| 25,0% \| 0 \| ▲ 1 \|/);
    expect(md).toMatch(/\| Quá hạn \(chưa hoàn thành\) \| 0 \| 1 \| 25,0% \| 1 \| = \|/);
    expect(md).toMatch(/\*\*Tỷ lệ hoàn thành đúng hạn\*\* \| \*\*100,0%\*\* \| \*\*33,3%\*\* \|  \| \*\*0,0%\*\* \| \*\*▲ 33,3 điểm\*\* \|/);
  });

  it('Nghị định 09: from the 15th of the month before to the 14th, as the default once configured', () => {
    const ws = tracker();
    must(ws, ['config', 'set', 'report.period', 'nd09']);
    const d = ws.json(['digest', '--month', '2026-11']);
    expect(d.period).toMatchObject({ kind: 'nd09', start: '2026-10-15', end: '2026-11-14', asOf: '2026-11-14', from: '2025-12-15', next: { start: '2026-11-15', end: '2026-12-14' } });
    expect(d.totals).toMatchObject({ assigned: 3, done_late: 1, open_overdue: 1, open_in_term: 1 });
    expect(d.inPeriod).toMatchObject({ assigned: 2, done_late: 1, open_in_term: 1 });
    expect(d.previous).toMatchObject({ start: '2026-09-15', end: '2026-10-14', totals: { assigned: 1, open_overdue: 1 } });
    expect(d.completedThisMonth.map((t: any) => t.id)).toEqual([3]);
    expect(d.dueNextMonth.map((t: any) => t.id)).toEqual([2]);
    expect(ws.json(['digest', '--month', '2026-11', '--period', 'month']).period.kind).toBe('month');
    const term = must(ws, ['digest', '--month', '2026-11']);
    expect(term).toMatch(/kỳ báo cáo từ 15\/10\/2026 đến 14\/11\/2026/);
    expect(term).toMatch(/VI\. NHIỆM VỤ ĐẾN HẠN TRONG KỲ SAU \(15\/11\/2026 – 14\/12\/2026\)/);
    const bad = ws.run(['digest', '--month', '2026-11', '--period', 'quy']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/kỳ báo cáo không hợp lệ/);
    expect(ws.run(['config', 'set', 'report.period', 'tuan']).code).toBe(1);
  });

  it('prints each rate with its formula under the table, in every text format', () => {
    const ws = tracker();
    const formula = 'Tỷ lệ hoàn thành đúng hạn = hoàn thành đúng hạn ÷ (hoàn thành đúng hạn + hoàn thành quá hạn + quá hạn chưa hoàn thành)';
    const share = 'Tỷ trọng = số nhiệm vụ của nhóm ÷ tổng bốn nhóm theo dõi thời hạn (lũy kế).';
    for (const format of ['md', 'html', 'term']) {
      const text = must(ws, ['digest', '--month', '2026-11', '--format', format]).replace(/\s+/g, ' ');
      expect(text, format).toContain(formula);
      expect(text, format).toContain(share);
      expect(text, format).toMatch(/so với lũy kế đến hết ngày 31\/10\/2026/);
    }
    const html = must(ws, ['digest', '--month', '2026-11', '--out', 'bc.html']);
    expect(html).toBe('');
    const file = fs.readFileSync(path.join(ws.dir, 'bc.html'), 'utf8');
    expect(file).toMatch(/<th>Tỷ trọng<\/th>/);
    expect(file).toMatch(/<p class="note">Tỷ lệ hoàn thành đúng hạn = /);
  });

  it('ranks units worst first (overdue, then rate); --order registry keeps the registry order', () => {
    const ws = tracker();
    expect(ws.json(['digest', '--month', '2026-11']).units.map((u: any) => u.code)).toEqual(['LS', 'VP', 'TTR', 'HTQT', 'TTDN']);
    expect(ws.json(['digest', '--month', '2026-11', '--order', 'registry']).units.map((u: any) => u.code)).toEqual(['VP', 'TTR', 'LS', 'HTQT', 'TTDN']);
    const md = must(ws, ['digest', '--month', '2026-11', '--format', 'md']);
    expect(md.indexOf('| 1 | Phòng Lãnh sự |')).toBeGreaterThan(0);
    expect(md).toMatch(/Đơn vị xếp theo số nhiệm vụ quá hạn \(nhiều nhất trước\)/);
    expect(must(ws, ['digest', '--month', '2026-11', '--format', 'md', '--order', 'registry'])).not.toMatch(/Đơn vị xếp theo/);
    expect(ws.run(['digest', '--month', '2026-11', '--order', 'worst']).code).toBe(2);
  });
});
