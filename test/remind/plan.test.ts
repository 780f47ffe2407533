import { describe, expect, it } from 'vitest';
import { deliveryKey, planReminders, type Delivery } from '../../src/remind/plan.js';
import { scheduleFrom } from '../../src/remind/schedule.js';
import { selectItems } from '../../src/remind/select.js';
import { HTQT, KT, LS, TODAY, UNITS, task } from './fixtures.js';

const schedule = scheduleFrom({ 'remind.offsetsBefore': '7,3', 'remind.firstAfterDays': '1', 'remind.repeatAfterDays': '7' });

const views = [
  task(1, LS, '2026-11-19', { coordinating: [{ code: 'TTR', name: 'Thanh tra Sở' }] }),
  task(2, LS, '2026-11-23'),
  task(3, HTQT, TODAY),
  task(4, HTQT, '2026-12-20'),
  task(5, KT, '2026-11-10'),
  task(6, LS, '2026-11-01', { completedOn: '2026-11-15' }),
];

function plan(done: (d: Delivery) => boolean = () => false, cc = true) {
  const items = selectItems(views, TODAY, { kind: 'schedule', schedule });
  return planReminders({ items, units: UNITS, ccCoordinating: cc, officeEmail: 'VanPhong@so.example.vn', officeName: 'Văn phòng Sở', done });
}

describe('planReminders', () => {
  it('one message per lead unit, listing every task of the unit that reached a trigger', () => {
    const plans = plan();
    expect(plans.map((p) => p.unit.code)).toEqual(['LS', 'HTQT', 'KT']);
    const ls = plans[0];
    expect(ls.messages).toHaveLength(1);
    expect(ls.messages[0].items.map((i) => [i.task.id, i.section, i.trigger.kind])).toEqual([
      [1, 'overdue', 'after-1'],
      [2, 'due_soon', 'before-3'],
    ]);
    expect(ls.messages[0].to.map((r) => r.address)).toEqual(['lanhsu@so.example.vn']);
    expect(ls.messages[0].cc.map((r) => r.address)).toEqual(['thanhtra@so.example.vn', 'vanphong@so.example.vn']);
    // The coordinating unit is owed only the task it coordinates; the office every task.
    expect(ls.messages[0].deliveries.map(deliveryKey).sort()).toEqual([
      '1|after-1|2026-11-19|lanhsu@so.example.vn',
      '1|after-1|2026-11-19|thanhtra@so.example.vn',
      '1|after-1|2026-11-19|vanphong@so.example.vn',
      '2|before-3|2026-11-23|lanhsu@so.example.vn',
      '2|before-3|2026-11-23|vanphong@so.example.vn',
    ]);
    expect(plans[1].messages[0].items.map((i) => [i.task.id, i.section])).toEqual([[3, 'due_today']]);
  });

  it('a unit without an e-mail gets no message and is flagged', () => {
    const kt = plan().find((p) => p.unit.code === 'KT')!;
    expect(kt.noEmail).toBe(true);
    expect(kt.messages).toEqual([]);
    expect(kt.items.map((i) => i.task.id)).toEqual([5]);
  });

  it('without remind.ccCoordinating the coordinating unit is not copied', () => {
    const ls = plan(() => false, false)[0];
    expect(ls.messages[0].cc.map((r) => r.address)).toEqual(['vanphong@so.example.vn']);
  });

  it('nothing already sent is planned again', () => {
    const all = new Set(plan().flatMap((p) => p.messages.flatMap((m) => m.deliveries.map(deliveryKey))));
    const again = plan((d) => all.has(deliveryKey(d)));
    expect(again.flatMap((p) => p.messages)).toEqual([]);
    expect(again[0].alreadySent).toEqual([1, 2]);
  });

  it('a recipient that failed gets a message of its own; the others do not see the task again', () => {
    const sentExceptInspection = (d: Delivery) => d.recipient.address !== 'thanhtra@so.example.vn';
    const ls = plan(sentExceptInspection)[0];
    expect(ls.messages).toHaveLength(1);
    expect(ls.messages[0].retry).toBe(true);
    expect(ls.messages[0].to.map((r) => r.address)).toEqual(['thanhtra@so.example.vn']);
    expect(ls.messages[0].cc).toEqual([]);
    expect(ls.messages[0].items.map((i) => i.task.id)).toEqual([1]);
  });

  it('a pre-meeting run lists everything overdue and due up to the window after the meeting', () => {
    const items = selectItems(views, TODAY, { kind: 'meeting', on: '2026-11-30', daysAhead: 7 });
    expect(items.map((i) => i.task.id)).toEqual([5, 1, 3, 2]);
    expect(new Set(items.map((i) => `${i.trigger.kind}:${i.trigger.period}`))).toEqual(new Set(['meeting:2026-11-30']));
    const wider = selectItems(views, TODAY, { kind: 'meeting', on: '2026-11-30', daysAhead: 20 });
    expect(wider.map((i) => i.task.id)).toContain(4);
  });
});
