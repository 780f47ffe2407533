import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/app/context.js';
import { dueView } from '../../src/app/due-view.js';
import type { OpenedDatabase } from '../../src/db/connect.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { insertTask } from '../../src/db/task-repository.js';
import { insertUnit } from '../../src/db/unit-repository.js';
import { fold } from '../../src/domain/text.js';

let opened: OpenedDatabase;
let ctx: Context;
const stamp = '2026-11-20T01:00:00.000Z';

async function task(text: string, lead: number | null, due: string | null, extra: Record<string, unknown> = {}) {
  return insertTask(
    opened.db,
    { text, text_folded: fold(text), lead_unit_id: lead, ongoing: 0, original_due_on: due, due_on: due, assigned_on: '2026-10-01', created_at: stamp, updated_at: stamp, ...extra },
    [],
  );
}

beforeEach(async () => {
  opened = await openTestDatabase();
  ctx = { db: opened.db, today: '2026-11-20', actor: 'test', acting: null, now: () => new Date(stamp) };
});
afterEach(() => opened.close());

describe('dueView', () => {
  it('puts tasks with no lead unit or no due date last, under "cần xác định", and leaves ongoing ones out', async () => {
    const vp = await insertUnit(opened.db, { code: 'VP', name: 'Văn phòng Sở', aliases: [], head: null, email: null, active: true });
    const unassignedLate = await task('Chưa rõ đơn vị, đã quá hạn', null, '2026-11-01', { owner_text: 'Phòng Kinh tế' });
    const undated = await task('Chưa có hạn', vp, null);
    const late = await task('Quá hạn', vp, '2026-11-15');
    await task('Thường xuyên', vp, null, { ongoing: 1 });
    await task('Còn xa', vp, '2027-03-01');
    const entries = await dueView(ctx, { within: 7, unit: null, overdueOnly: false });
    expect(entries.map((e) => [e.id, e.section])).toEqual([
      [late, 'overdue'],
      [unassignedLate, 'unsettled'],
      [undated, 'unsettled'],
    ]);
    expect(entries[1].ownerText).toBe('Phòng Kinh tế');
    expect((await dueView(ctx, { within: 7, unit: 'VP', overdueOnly: false })).map((e) => e.id)).toEqual([late, undated]);
  });
});
