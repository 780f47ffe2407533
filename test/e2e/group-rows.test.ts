/**
 * A directive given to several units is imported as one task per unit; the report's lists show
 * it in one row with each unit's status, while every count still counts each unit's task.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

const CONCLUSION = `THÔNG BÁO
Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 10

Ngày 02 tháng 10 năm 2026, Giám đốc Sở chủ trì cuộc họp giao ban.

Giám đốc Sở yêu cầu:
1. Thanh tra Sở, Phòng Lãnh sự, Văn phòng Sở rà soát danh mục thủ tục hành chính thuộc lĩnh vực được giao, hoàn thành trước ngày 25/10/2026.
2. Văn phòng Sở xây dựng kế hoạch tập huấn văn thư, hoàn thành trước ngày 30/11/2026.
`;
const TEXT = 'Thanh tra Sở, Phòng Lãnh sự, Văn phòng Sở rà soát danh mục thủ tục hành chính';

let ws: Workspace;
const at = (day: string, args: string[]) => {
  const r = ws.run(args, { env: { TASKS_TODAY: day } });
  if (r.code !== 0) throw new Error(`tasks ${args.join(' ')}: ${r.stderr}`);
  return r;
};
let ids: Record<string, number>;

beforeAll(() => {
  ws = workspace('2026-10-30');
  at('2026-10-01', ['unit', 'import', path.join(ROOT, 'data/units-sample.json')]);
  at('2026-10-05', ['import', ws.file('ket-luan.txt', CONCLUSION), '--yes']);
  const tasks = ws.json(['list', '--json']);
  const group = tasks.filter((t: any) => t.text.startsWith(TEXT));
  ids = Object.fromEntries(group.map((t: any) => [t.lead, t.id]));
  // LS reports done; TTR goes 5 days late; VP reports a delay late (3 days late by 30/10 after an extension).
  at('2026-10-20', ['done', String(ids.LS), '--on', '2026-10-20']);
  at('2026-10-24', ['extend', String(ids.VP), '--to', '2026-10-27', '--reason', 'chờ ý kiến']);
});

describe('a directive given to several units', () => {
  test('the import made one task per unit', () => {
    expect(Object.keys(ids).sort()).toEqual(['LS', 'TTR', 'VP']);
  });

  test('the overdue list shows it in one row, each unit with its status', () => {
    const md = at('2026-10-30', ['overdue', '--format', 'md']).stdout;
    const rows = md.split('\n').filter((l) => l.includes(TEXT));
    expect(rows).toHaveLength(2); // the overdue list and the quiet list, once each
    expect(rows[0]).toContain(`\\#${ids.TTR}, \\#${ids.VP}. ${TEXT}`);
    expect(rows[0]).toContain('| TTR: quá hạn 5 ngày; LS: hoàn thành 20/10; VP: quá hạn 3 ngày |');
    expect(md).toContain('ghi một dòng, kèm tình trạng của từng đơn vị');
  });

  test('the digest groups its lists in every format; the counts still count each unit', () => {
    const d = ws.json(['digest', '--month', '2026-10']);
    // Backward compatible: one entry per task as before, the grouping added beside it.
    expect(d.overdue.map((t: any) => t.id).sort()).toEqual([ids.TTR, ids.VP].sort());
    expect(d.groups.overdue).toEqual([{ directiveId: expect.any(Number), text: expect.stringContaining(TEXT), taskIds: [ids.TTR, ids.VP] }]);
    expect(d.groups.completedThisMonth).toEqual([]);
    expect(d.totals).toMatchObject({ assigned: 4, done_on_time: 1, open_overdue: 2, open_in_term: 1 });
    const byUnit = Object.fromEntries(d.units.map((u: any) => [u.code, u]));
    expect(byUnit.TTR).toMatchObject({ assigned: 1, open_overdue: 1 });
    expect(byUnit.VP).toMatchObject({ assigned: 2, open_overdue: 1, open_in_term: 1 });
    expect(byUnit.LS).toMatchObject({ assigned: 1, done_on_time: 1 });

    const csv = at('2026-10-30', ['digest', '--month', '2026-10', '--format', 'csv']).stdout;
    // One row in each list: overdue (TTR, VP), completed (LS), extended (VP), quiet (TTR, VP); ungrouped it was six.
    expect(csv.split('\n').filter((l) => l.includes(TEXT))).toHaveLength(4);
    expect(csv).toContain('TTR: quá hạn 5 ngày; LS: hoàn thành 20/10; VP: quá hạn 3 ngày');
    const html = at('2026-10-30', ['digest', '--month', '2026-10', '--format', 'html']).stdout;
    expect(html).toContain('TTR: quá hạn 5 ngày; LS: hoàn thành 20/10; VP: quá hạn 3 ngày');
  });
});
