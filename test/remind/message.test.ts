import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../src/remind/message.js';
import { planReminders } from '../../src/remind/plan.js';
import { scheduleFrom } from '../../src/remind/schedule.js';
import { selectItems } from '../../src/remind/select.js';
import { LS, TODAY, UNITS, task } from './fixtures.js';

const schedule = scheduleFrom({ 'remind.offsetsBefore': '7,3', 'remind.firstAfterDays': '1', 'remind.repeatAfterDays': '7' });
const head = { today: TODAY, meetingOn: null, senderName: 'Văn phòng Sở', signature: 'Văn phòng Sở Ngoại vụ\nĐT: 0256 000 000', officeEmail: null, notes: new Map() };

function messageFor(views: ReturnType<typeof task>[], meetingOn: string | null = null) {
  const items = selectItems(views, TODAY, meetingOn ? { kind: 'meeting', on: meetingOn, daysAhead: 7 } : { kind: 'schedule', schedule });
  const [plan] = planReminders({ items, units: UNITS, ccCoordinating: true, officeEmail: null, officeName: null, done: () => false });
  return composeMessage(plan.unit, plan.messages[0], { ...head, meetingOn });
}

describe('composeMessage', () => {
  const views = [
    task(1, LS, '2026-11-15', { source: { id: 1, kind: 'TB', number: '84/TB-SNgV', issuedOn: '2026-10-01', meetingOn: null } }),
    task(2, LS, '2026-11-12'),
    task(3, LS, '2026-11-23'),
    task(4, LS, TODAY),
  ];

  it('subject: counts by section and the unit, beginning with [Nhắc việc]', () => {
    expect(messageFor(views).subject).toBe('[Nhắc việc] 2 nhiệm vụ quá hạn, 1 đến hạn hôm nay, 1 sắp đến hạn — Phòng Lãnh sự');
    expect(messageFor([views[2]]).subject).toBe('[Nhắc việc] 1 nhiệm vụ sắp đến hạn — Phòng Lãnh sự');
    expect(messageFor(views, '2026-11-30').subject).toBe('[Nhắc việc] Giao ban 30/11/2026: 2 nhiệm vụ quá hạn, 1 đến hạn hôm nay, 1 sắp đến hạn — Phòng Lãnh sự');
  });

  it('text: dd/mm/yyyy dates, the source number, days late, most late first, the signature', () => {
    const { text } = messageFor(views);
    expect(text).toContain('Kính gửi: Trưởng Phòng Lãnh sự, Phòng Lãnh sự');
    expect(text).toContain('Văn bản: 84/TB-SNgV ngày 01/10/2026 · Hạn xử lý: 15/11/2026 · quá hạn 5 ngày');
    expect(text.indexOf('Nhiệm vụ số 2')).toBeLessThan(text.indexOf('Nhiệm vụ số 1'));
    expect(text).toContain('Hạn xử lý: 23/11/2026 · còn 3 ngày');
    expect(text).toContain('NHIỆM VỤ ĐẾN HẠN HÔM NAY (1)');
    expect(text).toMatch(/-- \nVăn phòng Sở Ngoại vụ\nĐT: 0256 000 000\n$/);
    expect(text).not.toContain('2026-11-15');
  });

  it('line breaks in stored text stay inside one item, and HTML is escaped', () => {
    const hostile = task(9, LS, '2026-11-19', { text: 'Báo cáo <b>gấp</b>\r\nBcc: ke-gian@example.com\r\n\r\nX' });
    const { subject, text, html } = messageFor([hostile]);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(text).toContain('1. Báo cáo <b>gấp</b> Bcc: ke-gian@example.com X\n');
    expect(text).not.toMatch(/^Bcc:/m);
    expect(html).toContain('Báo cáo &lt;b&gt;gấp&lt;/b&gt; Bcc: ke-gian@example.com X');
    expect(html).not.toContain('<b>gấp</b>');
  });
});
