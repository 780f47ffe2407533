/**
 * `tasks export --format ics`, read back with a calendar library (ical.js) as Outlook, Google
 * Calendar or Thunderbird would read it: events, all-day dates, UIDs, alarms, Vietnamese text.
 */
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

let ws: Workspace;
const LONG = 'Tổng hợp kết quả thực hiện Chương trình hành động về công tác đối ngoại nhân dân giai đoạn 2021–2026, đề xuất nhiệm vụ trọng tâm cho giai đoạn tiếp theo, gửi Văn phòng tổng hợp trình Giám đốc Sở xem xét';

function calendar(args: string[] = []): { text: string; events: ICAL.Event[]; vevents: ICAL.Component[] } {
  const r = ws.run(['export', '--format', 'ics', ...args]);
  expect(r.code, r.stderr).toBe(0);
  const root = new ICAL.Component(ICAL.parse(r.stdout));
  const vevents = root.getAllSubcomponents('vevent');
  return { text: r.stdout, events: vevents.map((v) => new ICAL.Event(v)), vevents };
}

beforeAll(() => {
  ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
  const add = (args: string[]) => {
    const r = ws.run(['add', ...args]);
    expect(r.code, r.stderr).toBe(0);
  };
  // 1: open, in term, with a source whose number and text carry the characters ICS escapes.
  add(['Rà soát, cập nhật Quy chế; báo cáo Giám đốc \\ Phó Giám đốc phụ trách', '--unit', 'Phòng Lãnh sự', '--coord', 'VP', '--due', '30/11/2026', '--source', '84/TB-SNgV', '--issued', '05/10/2026']);
  // 2: open and overdue as of 20/11 (assigned earlier through its source).
  add([LONG, '--unit', 'HTQT', '--due', '15/11/2026', '--source', '71/KH-SNgV', '--issued', '01/09/2026']);
  // 3: done; 4: ongoing; 5: cancelled — none of them belongs in a calendar.
  add(['Báo cáo công tác thông tin đối ngoại tháng 10', '--unit', 'TTDN', '--due', '25/11/2026']);
  expect(ws.run(['done', '3', '--evidence', '45/BC-TTĐN']).code).toBe(0);
  add(['Theo dõi tình hình công dân ở nước ngoài', '--unit', 'LS', '--ongoing']);
  add(['Chuẩn bị đón Đoàn công tác', '--unit', 'VP', '--due', '10/12/2026']);
  expect(ws.run(['cancel', '5', '--reason', 'Đoàn hoãn chuyến thăm']).code).toBe(0);
});

describe('the calendar', () => {
  it('has one all-day event per open task with a due date, on that date', () => {
    const { events } = calendar();
    expect(events.map((e) => e.uid.replace(/@.*/, ''))).toEqual(['task-1', 'task-2']);
    for (const e of events) expect(e.startDate.isDate).toBe(true);
    expect(events.map((e) => e.startDate.toString())).toEqual(['2026-11-30', '2026-11-15']);
    expect(events.map((e) => e.endDate.toString())).toEqual(['2026-12-01', '2026-11-16']);
  });

  it('says in Vietnamese what is due, from which unit and document; escaped characters come back whole', () => {
    const [first, second] = calendar().events;
    expect(first.summary).toBe('Hạn: Rà soát, cập nhật Quy chế; báo cáo Giám đốc \\ Phó Giám đốc phụ trách – Phòng Lãnh sự – 84/TB-SNgV');
    expect(first.description.split('\n')).toEqual([
      'Rà soát, cập nhật Quy chế; báo cáo Giám đốc \\ Phó Giám đốc phụ trách',
      'Đơn vị chủ trì: Phòng Lãnh sự',
      'Phối hợp: Văn phòng Sở',
      'Văn bản: 84/TB-SNgV ngày 05/10/2026',
      'Ngày giao: 05/10/2026; hạn xử lý: 30/11/2026',
      'tasks show 1',
    ]);
    // A long text is cut in the summary (the whole of it is in the description).
    expect(second.summary).toBe(`Hạn: ${LONG.slice(0, 119).trimEnd()}… – Phòng Hợp tác quốc tế – 71/KH-SNgV`);
    expect(second.description.split('\n')[0]).toBe(LONG);
  });

  it('reminds three days before', () => {
    for (const vevent of calendar().vevents) {
      const alarm = vevent.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-P3D');
    }
  });

  it('is CRLF throughout, with lines folded at 75 octets without splitting a letter', () => {
    const { text } = calendar();
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\ufffd');
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nSUMMARY:Hạn: Rà soát\\, cập nhật Quy chế\\; báo cáo Giám đốc \\\\ Phó Giám đốc phụ trách – Phòng Lãnh sự – 84/TB-SNgV\r\n');
    expect(unfolded).toContain('\\nĐơn vị chủ trì: Phòng Lãnh sự\\n');
  });

  it('keeps each task\'s UID from one export to the next; an extension raises SEQUENCE and moves the event', () => {
    const before = calendar().events;
    expect(ws.run(['extend', '1', '--to', '15/12/2026', '--reason', 'Chờ ý kiến của Bộ Ngoại giao']).code).toBe(0);
    const after = calendar().events;
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(before[0].sequence).toBe(0);
    expect(after[0].sequence).toBe(1);
    expect(after[0].startDate.toString()).toBe('2026-12-15');
    expect(after[0].description).toContain('Gia hạn từ 30/11/2026: Chờ ý kiến của Bộ Ngoại giao');
    expect(after[0].uid).toMatch(/^task-1@[0-9a-f]{12}\.tasks$/);
  });

  it('--unit keeps one unit\'s deadlines; a calendar with none is still a valid calendar', () => {
    expect(calendar(['--unit', 'HTQT']).events.map((e) => e.uid.replace(/@.*/, ''))).toEqual(['task-2']);
    const empty = calendar(['--unit', 'TTDN']);
    expect(empty.events).toEqual([]);
    expect(empty.text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  });

  it('a different database gives different UIDs for its task 1', () => {
    const other = workspace('2026-11-20');
    expect(other.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
    expect(other.run(['add', 'Việc khác', '--unit', 'VP', '--due', '30/11/2026']).code).toBe(0);
    const r = other.run(['export', '--format', 'ics']);
    const uid = new ICAL.Event(new ICAL.Component(ICAL.parse(r.stdout)).getFirstSubcomponent('vevent')!).uid;
    expect(uid).toMatch(/^task-1@/);
    expect(uid).not.toBe(calendar().events[0].uid);
  });
});
