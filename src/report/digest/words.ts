/** The digest's headings and column names, in Vietnamese and English. */
import { fill, type Lang } from '../labels.js';

const WORDS = {
  title: { vi: 'BÁO CÁO', en: 'REPORT' },
  digestSummary: { vi: 'Tình hình thực hiện nhiệm vụ do Giám đốc Sở giao tháng {month}', en: 'Tasks assigned by the Director: progress in {month}' },
  periodLine: {
    vi: 'Kỳ báo cáo: {kind}, từ ngày {start} đến ngày {end}.',
    en: 'Reporting period: {kind}, from {start} to {end}.',
  },
  periodMonth: { vi: 'tháng {month}', en: 'month {month}' },
  periodNd09: { vi: 'tháng {month} theo Nghị định 09/2019/NĐ-CP', en: 'month {month} per Decree 09/2019/NĐ-CP' },
  inPeriod: { vi: 'Giao trong kỳ', en: 'Assigned in the period' },
  cumulative: { vi: 'Lũy kế', en: 'Cumulative' },
  previous: { vi: 'Lũy kế kỳ trước', en: 'Previous period' },
  change: { vi: 'Tăng, giảm', en: 'Change' },
  shareNote: {
    vi: 'Tỷ trọng = số nhiệm vụ của nhóm ÷ tổng bốn nhóm theo dõi thời hạn (lũy kế).',
    en: 'Share = the bucket\'s tasks ÷ the four deadline buckets (cumulative).',
  },
  rateNote: {
    vi: 'Tỷ lệ hoàn thành đúng hạn = hoàn thành đúng hạn ÷ (hoàn thành đúng hạn + hoàn thành quá hạn + quá hạn chưa hoàn thành); nhiệm vụ đang trong hạn, thường xuyên, chưa có hạn, dừng thực hiện không tính.',
    en: 'On-time rate = done on time ÷ (done on time + done late + overdue); tasks in term, ongoing, undated or cancelled are not counted.',
  },
  changeNote: {
    vi: 'Tăng, giảm: so với lũy kế đến hết ngày {prevEnd} (kỳ {prevStart} – {prevEnd}); ▲ tăng, ▼ giảm, = không đổi; tỷ lệ tính bằng điểm phần trăm.',
    en: 'Change: against the cumulative figures at the end of {prevEnd} (period {prevStart} – {prevEnd}); ▲ up, ▼ down, = unchanged; the rate in percentage points.',
  },
  rankNote: {
    vi: 'Đơn vị xếp theo số nhiệm vụ quá hạn (nhiều nhất trước), rồi tỷ lệ hoàn thành đúng hạn (thấp nhất trước); theo thứ tự đơn vị: --order registry.',
    en: 'Units ranked by overdue tasks (most first), then on-time rate (lowest first); registry order: --order registry.',
  },
  points: { vi: 'điểm', en: 'pts' },
  overdueSummary: { vi: 'Danh sách nhiệm vụ quá hạn tính đến ngày {date}', en: 'Overdue tasks as of {date}' },
  scope: {
    vi: 'Số liệu tính đến hết ngày {asOf}, cho các nhiệm vụ được giao từ ngày {from}.',
    en: 'Figures as of the end of {asOf}, for tasks assigned from {from}.',
  },
  unitScope: { vi: 'Đơn vị: {units}.', en: 'Units: {units}.' },
  sentence: {
    vi: 'Từ ngày {from} đến ngày {asOf}, Giám đốc Sở đã giao {assigned} nhiệm vụ: hoàn thành đúng hạn {done_on_time}, hoàn thành quá hạn {done_late}, đang thực hiện trong hạn {open_in_term}, quá hạn chưa hoàn thành {open_overdue}; ngoài ra {ongoing} nhiệm vụ thường xuyên, {undated} nhiệm vụ chưa xác định hạn, {cancelled} nhiệm vụ dừng thực hiện. Tỷ lệ hoàn thành đúng hạn: {rate}.',
    en: 'From {from} to {asOf} the Director assigned {assigned} tasks: {done_on_time} done on time, {done_late} done late, {open_in_term} open in term, {open_overdue} overdue; besides, {ongoing} ongoing, {undated} without a due date yet, {cancelled} cancelled. On-time rate: {rate}.',
  },
  secTotals: { vi: 'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ', en: 'I. RESULTS' },
  secUnits: { vi: 'II. KẾT QUẢ THEO ĐƠN VỊ', en: 'II. BY UNIT' },
  secOverdue: { vi: 'III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH', en: 'III. OVERDUE TASKS' },
  secCompleted: { vi: 'IV. NHIỆM VỤ HOÀN THÀNH TRONG THÁNG', en: 'IV. DONE THIS MONTH' },
  secExtensions: { vi: 'V. NHIỆM VỤ ĐƯỢC GIA HẠN TRONG THÁNG', en: 'V. EXTENDED THIS MONTH' },
  secDueNext: { vi: 'VI. NHIỆM VỤ ĐẾN HẠN TRONG THÁNG {month}', en: 'VI. DUE IN {month}' },
  secCompletedNd09: { vi: 'IV. NHIỆM VỤ HOÀN THÀNH TRONG KỲ', en: 'IV. DONE IN THE PERIOD' },
  secExtensionsNd09: { vi: 'V. NHIỆM VỤ ĐƯỢC GIA HẠN TRONG KỲ', en: 'V. EXTENDED IN THE PERIOD' },
  secDueNextNd09: { vi: 'VI. NHIỆM VỤ ĐẾN HẠN TRONG KỲ SAU ({start} – {end})', en: 'VI. DUE IN THE NEXT PERIOD ({start} – {end})' },
  summaryNd09: { vi: '{summary} (kỳ báo cáo từ {start} đến {end})', en: '{summary} (period {start} to {end})' },
  secEscalated: { vi: 'VII. NHIỆM VỤ ĐỀ NGHỊ LÃNH ĐẠO CHỈ ĐẠO', en: 'VII. TASKS PROPOSED FOR THE DIRECTOR\'S DIRECTION' },
  escalatedOnly: { vi: 'NHIỆM VỤ ĐỀ NGHỊ LÃNH ĐẠO CHỈ ĐẠO', en: 'TASKS PROPOSED FOR THE DIRECTOR\'S DIRECTION' },
  secProposals: { vi: 'IX. ĐỀ XUẤT, KIẾN NGHỊ', en: 'IX. PROPOSALS' },
  proposalsOnly: { vi: 'ĐỀ XUẤT, KIẾN NGHỊ', en: 'PROPOSALS' },
  chartTitle: { vi: 'Bốn nhóm theo dõi thời hạn của từng đơn vị (lũy kế)', en: 'The four deadline buckets by unit (cumulative)' },
  secQuiet: { vi: 'VIII. NHIỆM VỤ KHÔNG CẬP NHẬT TIẾN ĐỘ QUÁ {days} NGÀY', en: 'VIII. NO PROGRESS REPORTED FOR OVER {days} DAYS' },
  quietOnly: { vi: 'NHIỆM VỤ KHÔNG CẬP NHẬT TIẾN ĐỘ QUÁ {days} NGÀY', en: 'NO PROGRESS REPORTED FOR OVER {days} DAYS' },
  quietNote: {
    vi: 'Nhiệm vụ chưa hoàn thành không có báo cáo tiến độ trong {days} ngày qua (tính từ báo cáo gần nhất, hoặc từ ngày giao khi chưa có; cấu hình report.quietDays).',
    en: 'Open tasks with no progress note in the last {days} days (since the latest note, or since assignment when there is none; setting report.quietDays).',
  },
  lastNoteOn: { vi: 'Cập nhật gần nhất', en: 'Last note' },
  quietFor: { vi: 'Số ngày không cập nhật', en: 'Days without a note' },
  noNoteYet: { vi: 'chưa có', en: 'none' },
  escalateMark: { vi: 'đề nghị đưa vào giao ban', en: 'proposed for the giao ban' },
  escalateNote: {
    vi: 'Đề nghị đưa vào giao ban: nhiệm vụ quá hạn đã được nhắc quá {reminders} lần hoặc quá hạn quá {days} ngày (cấu hình report.escalateReminders, report.escalateDays).',
    en: 'Proposed for the giao ban: overdue tasks reminded more than {reminders} times or overdue more than {days} days (settings report.escalateReminders, report.escalateDays).',
  },
  whyLate: { vi: 'quá hạn {days} ngày', en: '{days} days late' },
  whyReminded: { vi: 'đã nhắc {n} lần', en: 'reminded {n} times' },
  coordinating: { vi: 'Đơn vị phối hợp', en: 'Coordinating' },
  originalDue: { vi: 'Hạn ban đầu (trước gia hạn)', en: 'Due before extension' },
  dueInForce: { vi: 'Hạn xử lý', en: 'Due' },
  reminders: { vi: 'Số lần nhắc', en: 'Reminders' },
  reasonEscalated: { vi: 'Lý do đề nghị', en: 'Why' },
  overdueOnly: { vi: 'NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH', en: 'OVERDUE TASKS' },
  none: { vi: 'Không có.', en: 'None.' },
  status: { vi: 'Tình trạng', en: 'Status' },
  count: { vi: 'Số nhiệm vụ', en: 'Tasks' },
  share: { vi: 'Tỷ trọng', en: 'Share' },
  fourBuckets: { vi: 'Cộng (bốn nhóm theo dõi thời hạn)', en: 'Total (the four deadline buckets)' },
  assigned: { vi: 'Tổng số nhiệm vụ được giao', en: 'Tasks assigned' },
  rate: { vi: 'Tỷ lệ hoàn thành đúng hạn', en: 'On-time rate' },
  no: { vi: 'STT', en: 'No.' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  unassigned: { vi: 'Chưa xác định đơn vị chủ trì', en: 'No lead unit yet' },
  stOverdue: { vi: 'quá hạn {days} ngày', en: '{days} days late' },
  stDoneOnTime: { vi: 'hoàn thành {date}', en: 'done {date}' },
  stDoneLate: { vi: 'hoàn thành {date} (quá hạn)', en: 'done {date} (late)' },
  stInTerm: { vi: 'trong hạn, hạn {date}', en: 'in term, due {date}' },
  stOngoing: { vi: 'thường xuyên', en: 'ongoing' },
  stUndated: { vi: 'chưa có hạn', en: 'no due date' },
  stCancelled: { vi: 'dừng thực hiện', en: 'cancelled' },
  groupNote: {
    vi: 'Nhiệm vụ giao cho nhiều đơn vị (cùng một nội dung chỉ đạo) ghi một dòng, kèm tình trạng của từng đơn vị; số liệu vẫn tính riêng từng đơn vị.',
    en: 'A directive given to several units is one row, with each unit\'s status; the figures still count each unit\'s task.',
  },
  total: { vi: 'Tổng cộng', en: 'Total' },
  assignedShort: { vi: 'Được giao', en: 'Assigned' },
  onTimeShort: { vi: 'Đúng hạn', en: 'On time' },
  lateShort: { vi: 'HT quá hạn', en: 'Done late' },
  inTermShort: { vi: 'Trong hạn', en: 'In term' },
  overdueShort: { vi: 'Quá hạn', en: 'Overdue' },
  ongoingShort: { vi: 'Thường xuyên', en: 'Ongoing' },
  undatedShort: { vi: 'Chưa có hạn', en: 'Undated' },
  cancelledShort: { vi: 'Dừng', en: 'Cancelled' },
  rateShort: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  source: { vi: 'Văn bản giao', en: 'Source' },
  due: { vi: 'Hạn xử lý', en: 'Due' },
  daysLate: { vi: 'Số ngày quá hạn', en: 'Days late' },
  latestNote: { vi: 'Tiến độ gần nhất', en: 'Latest progress' },
  completedOn: { vi: 'Ngày hoàn thành', en: 'Done on' },
  result: { vi: 'Kết quả', en: 'Result' },
  evidence: { vi: 'Văn bản báo cáo', en: 'Evidence' },
  grantedOn: { vi: 'Ngày gia hạn', en: 'Granted on' },
  oldDue: { vi: 'Hạn cũ', en: 'Old due' },
  newDue: { vi: 'Hạn mới', en: 'New due' },
  reason: { vi: 'Lý do', en: 'Reason' },
  recipients: { vi: 'Nơi nhận:', en: 'To:' },
  numberLine: { vi: 'Số: {number}/{symbol}', en: 'No.: {number}/{symbol}' },
  dash: { vi: '—', en: '—' },
  cappedAttached: {
    vi: 'Danh sách trên gồm {shown} trong tổng số {total} nhiệm vụ (những nhiệm vụ đầu danh sách); danh sách đầy đủ ở tệp kèm theo {file}.',
    en: 'The list above shows {shown} of {total} tasks (the first in order); the full list is in the attached file {file}.',
  },
  cappedNoFile: {
    vi: 'Danh sách trên gồm {shown} trong tổng số {total} nhiệm vụ (những nhiệm vụ đầu danh sách); danh sách đầy đủ: xuất báo cáo này với --format xlsx.',
    en: 'The list above shows {shown} of {total} tasks (the first in order); for the full list, export this report with --format xlsx.',
  },
} as const;

export type DigestWord = keyof typeof WORDS;

export function dw(lang: Lang, key: DigestWord, values: Record<string, string | number> = {}): string {
  return fill(WORDS[key][lang], values);
}

/** 0.6667 → "66,7%" in Vietnamese, "66.7%" in English; "—" when there is nothing to divide. */
export function formatRate(rate: number | null, lang: Lang): string {
  if (rate === null) return '—';
  const text = (Math.round(rate * 1000) / 10).toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

/** "11/2026" for a YYYY-MM month id. */
export function monthLabel(id: string): string {
  return `${id.slice(5, 7)}/${id.slice(0, 4)}`;
}
