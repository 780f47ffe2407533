/** A tracker with the sample units and a few tasks around 20/11/2026, for the remind tests. */
import path from 'node:path';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

export const OFFICE = 'vanphong@sngv.quanghoa.example.vn';
export const LS = 'lanhsu@sngv.quanghoa.example.vn';
export const TTR = 'thanhtra@sngv.quanghoa.example.vn';
export const HTQT = 'htqt@sngv.quanghoa.example.vn';
export const TTDN = 'ttdn@sngv.quanghoa.example.vn';

function must(ws: Workspace, args: string[]): void {
  const result = ws.run(args);
  if (result.code !== 0) throw new Error(`tasks ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
}

export function trackerWithUnits(today = '2026-11-20'): Workspace {
  const ws = workspace(today);
  must(ws, ['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]);
  must(ws, ['config', 'set', 'office.email', OFFICE]);
  must(ws, ['config', 'set', 'mail.from', 'nhacviec@sngv.quanghoa.example.vn']);
  return ws;
}

/**
 * As of 20/11/2026: LS has task 1 overdue by 1 day (TTR coordinating, from 84/TB-SNgV) and task
 * 2 due in 3 days; HTQT task 3 is due today; TTDN task 4 is due in 7 days; VP task 5 is due in
 * 10 days (no trigger yet); task 6 of LS is done.
 */
export function sampleTracker(): Workspace {
  const ws = trackerWithUnits();
  must(ws, ['add', 'Báo cáo kết quả rà soát hộ chiếu công vụ', '--unit', 'LS', '--coord', 'TTR', '--due', '19/11/2026', '--source', '84/TB-SNgV', '--issued', '2026-10-01']);
  must(ws, ['add', 'Rà soát thủ tục hành chính lĩnh vực lãnh sự', '--unit', 'LS', '--due', '23/11/2026']);
  must(ws, ['add', 'Xây dựng kế hoạch đón đoàn vào', '--unit', 'HTQT', '--due', '20/11/2026']);
  must(ws, ['add', 'Cập nhật cổng thông tin đối ngoại', '--unit', 'TTDN', '--due', '27/11/2026']);
  must(ws, ['add', 'Kiểm tra thư điện tử công vụ', '--unit', 'VP', '--due', '30/11/2026']);
  must(ws, ['add', 'Việc đã xong', '--unit', 'LS', '--due', '10/11/2026', '--source', '84/TB-SNgV']);
  must(ws, ['done', '6', '--on', '2026-11-09', '--evidence', '12/BC-LS']);
  return ws;
}

export interface LogRow {
  task_id: number;
  kind: string;
  period: string;
  recipient: string;
  channel: string;
  result: string;
  error: string | null;
}

export function reminderLog(ws: Workspace): LogRow[] {
  return ws.sql<LogRow>('select task_id, kind, period, recipient, channel, result, error from reminder order by id');
}

/** One statement straight on the test database, SQLite or PostgreSQL. */
export function sqlite(ws: Workspace, statement: string, ...params: unknown[]): void {
  ws.sql(statement, params);
}

export function auditText(ws: Workspace): string {
  return JSON.stringify(ws.sql('select * from audit_event'));
}
