/**
 * A hand-built tracker for the November 2026 giao ban: every bucket, and the boundaries the
 * digest must get right. Letters name the tasks; the comments say where each must land when the
 * digest is made as of 30/11/2026 (totals count tasks assigned from 01/01/2026).
 */
import path from 'node:path';
import { ROOT, workspace, type Workspace } from './cli.js';

export type Letter = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R';

export interface GiaoBan {
  ws: Workspace;
  id: Record<Letter, number>;
}

export function buildGiaoBan(): GiaoBan {
  const ws = workspace('2026-12-03');
  const id = {} as Record<Letter, number>;
  const on = (day: string, args: string[]) => {
    const r = ws.run(args, { env: { TASKS_TODAY: day } });
    if (r.code !== 0) throw new Error(`tasks ${args.join(' ')} on ${day}: ${r.stderr}`);
    return r;
  };
  const add = (letter: Letter, day: string, text: string, unit: string, schedule: string[]) => {
    const r = on(day, ['add', text, '--unit', unit, ...schedule, '--json']);
    id[letter] = JSON.parse(r.stdout)[0].id;
  };

  on('2025-12-01', ['unit', 'import', path.join(ROOT, 'data/units-sample.json')]);
  // Assigned last year: overdue on the list, but outside the 2026 totals.
  add('K', '2025-12-15', 'Tổng kết công tác đối ngoại năm 2025', 'VP', ['--due', '2026-01-10']);
  add('A', '2026-09-01', 'Rà soát Kế hoạch cải cách hành chính', 'VP', ['--due', '2026-10-15', '--source', '84/TB-SNgV']); // overdue 46 days
  add('B', '2026-09-01', 'Báo cáo tình hình người Việt Nam ở nước ngoài', 'LS', ['--due', '2026-11-10']); // done on the due date: on time
  add('C', '2026-09-01', 'Tổng hợp đoàn ra, đoàn vào năm 2026', 'HTQT', ['--due', '2026-11-30']); // due on the as-of day: in term
  add('G', '2026-09-01', 'Cập nhật cơ sở dữ liệu đối ngoại', 'VP', ['--due', '2026-10-31']); // done 3 days late in November
  add('H', '2026-09-01', 'Sử dụng thư điện tử công vụ', 'LS', ['--ongoing']);
  add('I', '2026-09-01', 'Đề xuất nội dung hợp tác với địa phương nước ngoài', 'HTQT', ['--due', '2026-12-15']); // made undated below
  add('J', '2026-09-01', 'Khảo sát nhu cầu đào tạo ngoại ngữ', 'TTR', ['--due', '2026-11-20']); // cancelled
  add('O', '2026-09-01', 'Chuẩn bị hội nghị tổng kết', 'VP', ['--due', '2026-10-20']); // done on time in October
  add('P', '2026-09-01', 'Rà soát quy chế tiếp công dân', 'TTR', ['--due', '2026-11-01']); // due on the stats' first day
  add('D', '2026-10-01', 'Xây dựng quy chế phối hợp', 'TTR', ['--due', '2026-11-20']); // extended before its due date
  add('E', '2026-10-01', 'Biên soạn tài liệu thông tin đối ngoại', 'TTDN', ['--due', '2026-11-12']); // extended on its due date, done late
  add('Q', '2026-10-01', 'Chuẩn bị đón đoàn tỉnh kết nghĩa', 'HTQT', ['--due', '2026-11-08']); // done after the first date, before the new one
  add('F', '2026-10-01', 'Báo cáo kết quả thực hiện Chỉ thị 25', 'VP', ['--due', '2026-11-25']); // overdue; a late extension is refused
  add('M', '2026-10-01', 'Hướng dẫn thủ tục xác nhận lý lịch', 'LS', ['--due', '2026-11-28']); // done after the as-of day
  add('N', '2026-10-01', 'Kế hoạch thông tin đối ngoại năm 2027', 'TTDN', ['--due', '2026-12-31']); // due next month
  add('R', '2026-10-01', 'Tổ chức gặp mặt kiều bào dịp Tết', 'LS', ['--due', '2026-12-05']); // extended after the as-of day
  add('L', '2026-12-01', 'Việc giao sau ngày chốt số liệu', 'VP', ['--due', '2026-12-20']);

  on('2026-10-10', ['done', String(id.O), '--evidence', '45/BC-VP']);
  on('2026-10-30', ['done', String(id.P)]);
  on('2026-11-03', ['done', String(id.G), '--evidence', '150/BC-VP']);
  on('2026-11-05', ['progress', String(id.A), 'Đã dự thảo kế hoạch, đang lấy ý kiến các phòng']);
  on('2026-11-08', ['extend', String(id.Q), '--to', '2026-11-20', '--reason', 'Đoàn đổi lịch']);
  on('2026-11-10', ['done', String(id.B), '--evidence', '123/BC-LS']);
  on('2026-11-12', ['extend', String(id.E), '--to', '2026-11-25', '--reason', 'Chờ số liệu của Bộ']);
  on('2026-11-15', ['extend', String(id.D), '--to', '2026-12-10', '--reason', 'Chờ ý kiến của Bộ Ngoại giao']);
  on('2026-11-15', ['done', String(id.Q)]);
  on('2026-11-18', ['cancel', String(id.J), '--reason', 'Đã lồng ghép vào kế hoạch đào tạo chung']);
  on('2026-11-26', ['done', String(id.E), '--evidence', '77/BC-TTĐN']);
  on('2026-12-01', ['done', String(id.M)]);
  on('2026-12-01', ['progress', String(id.A), 'Ghi sau ngày chốt số liệu']);
  on('2026-12-02', ['extend', String(id.R), '--to', '2026-12-20', '--reason', 'Lùi theo lịch của Ủy ban']);
  const late = ws.run(['extend', String(id.F), '--to', '2026-12-31', '--reason', 'Xin lùi'], { env: { TASKS_TODAY: '2026-11-26' } });
  if (late.code !== 1) throw new Error(`a late extension must be refused: ${late.stderr}`);

  // No command leaves a dated task without a date; an import that could not read one does.
  ws.sql('update task set original_due_on = null, due_on = null where id = ?', [id.I]);
  return { ws, id };
}
