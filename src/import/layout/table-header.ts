/**
 * The columns of a table of tasks, found by the words of its header row ("STT | Nhiệm vụ | Cơ
 * quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm"), in whatever order.
 */
import { fold } from '../../domain/text.js';

export type ColumnRole = 'number' | 'content' | 'product' | 'lead' | 'coordinating' | 'due' | 'follow-up' | 'other';

const ROLES: [RegExp, ColumnRole][] = [
  [/^(?:stt|tt|so tt|so thu tu)$/, 'number'],
  [/theo doi|kiem tra, don doc|giam sat/, 'follow-up'],
  [/phoi hop/, 'coordinating'],
  [/chu tri|(?:don vi|co quan) (?:thuc hien|thuc hien chinh)|^don vi$|^co quan$|trach nhiem/, 'lead'],
  [/thoi han|^han|tien do|thoi gian|moc/, 'due'],
  [/san pham|ket qua|hinh thuc/, 'product'],
  [/noi dung|nhiem vu|cong viec|y kien|giai phap|hoat dong/, 'content'],
];

export function roleOf(cell: string): ColumnRole {
  const folded = fold(cell).replace(/[.:]$/, '');
  return ROLES.find(([p]) => p.test(folded))?.[1] ?? 'other';
}

export function columnRoles(cells: string[]): ColumnRole[] {
  return cells.map(roleOf);
}

/** A header row names the task and who does it or by when. */
export function isTaskTableHeader(cells: string[]): boolean {
  const roles = columnRoles(cells);
  return roles.includes('content') && (roles.includes('lead') || roles.includes('due'));
}
