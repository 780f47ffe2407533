/** Words the renderers print, in Vietnamese and English. */
import type { Bucket } from '../domain/status.js';

export type Lang = 'vi' | 'en';

export const BUCKET_LABELS: Record<Bucket, Record<Lang, string>> = {
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  open_in_term: { vi: 'Đang thực hiện trong hạn', en: 'Open, in term' },
  open_overdue: { vi: 'Quá hạn (chưa hoàn thành)', en: 'Overdue (open)' },
  ongoing: { vi: 'Thường xuyên', en: 'Ongoing' },
  cancelled: { vi: 'Dừng thực hiện', en: 'Cancelled' },
  undated: { vi: 'Chưa xác định hạn', en: 'No due date yet' },
};

const WORDS = {
  id: { vi: 'Số', en: 'No.' },
  text: { vi: 'Nội dung', en: 'Task' },
  lead: { vi: 'Chủ trì', en: 'Lead' },
  coordinating: { vi: 'Phối hợp', en: 'Coordinating' },
  due: { vi: 'Hạn xử lý', en: 'Due' },
  originalDue: { vi: 'Hạn ban đầu', en: 'Original due' },
  status: { vi: 'Tình trạng', en: 'Status' },
  source: { vi: 'Văn bản', en: 'Source' },
  assignedOn: { vi: 'Ngày giao', en: 'Assigned' },
  completedOn: { vi: 'Ngày hoàn thành', en: 'Completed' },
  evidence: { vi: 'Văn bản báo cáo', en: 'Evidence' },
  note: { vi: 'Ghi chú', en: 'Note' },
  cancelReason: { vi: 'Lý do dừng', en: 'Cancel reason' },
  recurring: { vi: 'Định kỳ', en: 'Recurring' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  extensions: { vi: 'Gia hạn', en: 'Extensions' },
  history: { vi: 'Lịch sử', en: 'History' },
  unassigned: { vi: 'chưa giao', en: 'unassigned' },
  noDue: { vi: 'chưa có hạn', en: 'no due date' },
  ongoing: { vi: 'thường xuyên', en: 'ongoing' },
  daysLate: { vi: 'quá {n} ngày', en: '{n} days late' },
  dueToday: { vi: 'đến hạn hôm nay', en: 'due today' },
  daysLeft: { vi: 'còn {n} ngày', en: '{n} days left' },
  overdue: { vi: 'QUÁ HẠN', en: 'OVERDUE' },
  dueSoon: { vi: 'SẮP ĐẾN HẠN (đến {date})', en: 'DUE SOON (by {date})' },
  unsettled: { vi: 'CẦN XÁC ĐỊNH (chưa có hạn hoặc đơn vị chủ trì)', en: 'TO SETTLE (no due date or no lead unit)' },
  nothingDue: { vi: 'Không có nhiệm vụ quá hạn hay sắp đến hạn tính đến {date}.', en: 'Nothing overdue or due soon as of {date}.' },
  noTasks: { vi: 'Không có nhiệm vụ nào.', en: 'No tasks.' },
  asOf: { vi: 'Tính đến ngày {date}', en: 'As of {date}' },
  total: { vi: '{n} nhiệm vụ', en: '{n} tasks' },
  every: { vi: 'kỳ', en: 'period' },
  code: { vi: 'Mã', en: 'Code' },
  unitName: { vi: 'Tên đơn vị', en: 'Unit' },
  aliases: { vi: 'Tên gọi khác', en: 'Aliases' },
  head: { vi: 'Thủ trưởng', en: 'Head' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  inactive: { vi: 'ngừng hoạt động', en: 'inactive' },
  groups: { vi: 'Nhóm', en: 'Groups' },
  allUnits: { vi: 'tất cả đơn vị đang hoạt động', en: 'every active unit' },
} as const;

export type Word = keyof typeof WORDS;

/** A label with its {placeholders} filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function word(lang: Lang, key: Word, values: Record<string, string | number> = {}): string {
  return fill(WORDS[key][lang], values);
}

export const PERIOD_LABELS: Record<string, Record<Lang, string>> = {
  month: { vi: 'hàng tháng', en: 'monthly' },
  quarter: { vi: 'hàng quý', en: 'quarterly' },
  'half-year': { vi: '6 tháng', en: 'half-yearly' },
  week: { vi: 'hằng tuần', en: 'weekly' },
  year: { vi: 'hàng năm', en: 'yearly' },
};
