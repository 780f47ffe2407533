/**
 * The columns of a tracker spreadsheet: which field of a task each one holds. Headers are
 * matched case-folded and without diacritics, the way Ikepler and Excel trackers name them
 * ("Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"…); `--map` names the rest. The field
 * names are a contract: `--map "Header=field"` uses them.
 */
import { ValidationError, t } from './errors.js';
import { fold } from './text.js';

export const SHEET_FIELDS = [
  'no',
  'id',
  'text',
  'lead',
  'coordinating',
  'source',
  'sourceDate',
  'assignedOn',
  'due',
  'originalDue',
  'extendedOn',
  'extensionReason',
  'recurring',
  'status',
  'daysLate',
  'completedOn',
  'evidence',
  'completionNote',
  'cancelledOn',
  'cancelReason',
  'progress',
  'progressOn',
  'note',
  'ownerText',
  'ignore',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

/** Fields that are shown for people and recomputed on import, never read back. */
export const DERIVED_FIELDS: readonly SheetField[] = ['no', 'id', 'recurring', 'daysLate', 'ignore'];

/** Each field's header as `tasks export` writes it (first), then the other usual names, folded. */
export const HEADERS: Record<Exclude<SheetField, 'ignore'>, string[]> = {
  no: ['STT', 'so thu tu', 'tt', 'so tt'],
  id: ['Mã nhiệm vụ', 'ma', 'ma nv', 'id'],
  text: [
    'Nội dung nhiệm vụ',
    'noi dung',
    'noi dung cong viec',
    'noi dung chi dao',
    'noi dung y kien chi dao',
    'noi dung giao',
    'noi dung nhiem vu duoc giao',
    'y kien chi dao',
    'nhiem vu',
    'ten nhiem vu',
    'trich yeu nhiem vu',
    'cong viec',
  ],
  lead: [
    'Đơn vị chủ trì',
    'chu tri',
    'don vi',
    'don vi thuc hien',
    'don vi duoc giao',
    'don vi chu tri thuc hien',
    'co quan chu tri',
    'co quan don vi chu tri',
    'don vi xu ly',
    'don vi xu ly chinh',
  ],
  coordinating: ['Đơn vị phối hợp', 'phoi hop', 'co quan phoi hop', 'don vi phoi hop thuc hien', 'co quan don vi phoi hop'],
  source: [
    'Số văn bản',
    'so hieu',
    'so hieu van ban',
    'so ky hieu',
    'so ky hieu van ban',
    'so va ky hieu',
    'so vb',
    'van ban',
    'van ban giao',
    'van ban giao nhiem vu',
    'van ban chi dao',
    'so van ban giao',
  ],
  sourceDate: ['Ngày văn bản', 'ngay ban hanh', 'ngay ban hanh van ban', 'ngay vb', 'ngay ky'],
  assignedOn: ['Ngày giao', 'ngay giao nhiem vu', 'ngay nhan', 'ngay nhan nhiem vu'],
  due: [
    'Hạn xử lý',
    'thoi han',
    'thoi han xu ly',
    'thoi han hoan thanh',
    'thoi han thuc hien',
    'han',
    'han hoan thanh',
    'han giai quyet',
    'han thuc hien',
    'han bao cao',
    'han xu ly hien tai',
  ],
  originalDue: ['Hạn ban đầu', 'thoi han ban dau', 'han goc'],
  extendedOn: ['Ngày gia hạn', 'ngay dieu chinh han', 'ngay dieu chinh thoi han'],
  extensionReason: ['Lý do gia hạn', 'ly do dieu chinh han', 'ly do dieu chinh thoi han'],
  recurring: ['Định kỳ', 'chu ky'],
  status: ['Tình trạng', 'trang thai', 'tinh trang thuc hien', 'trang thai xu ly', 'tinh trang xu ly'],
  daysLate: ['Số ngày quá hạn', 'so ngay cham', 'qua han ngay'],
  completedOn: ['Ngày hoàn thành', 'ngay hoan thanh thuc te', 'thoi gian hoan thanh thuc te'],
  evidence: ['Văn bản báo cáo kết quả', 'van ban bao cao', 'so van ban bao cao', 'van ban hoan thanh', 'minh chung', 'van ban bao cao hoan thanh'],
  completionNote: ['Ghi chú hoàn thành'],
  cancelledOn: ['Ngày dừng thực hiện', 'ngay dung', 'ngay huy', 'ngay rut'],
  cancelReason: ['Lý do dừng', 'ly do dung thuc hien', 'ly do huy', 'ly do rut'],
  progress: ['Tiến độ mới nhất', 'tien do', 'tien do thuc hien', 'tinh hinh thuc hien', 'ket qua thuc hien', 'bao cao tien do', 'ket qua'],
  progressOn: ['Ngày báo cáo tiến độ', 'ngay cap nhat tien do', 'ngay cap nhat', 'ngay bao cao'],
  note: ['Ghi chú', 'ghi chu khac'],
  ownerText: ['Đơn vị chưa xác định', 'don vi khac'],
};

/** A header folded for matching: no case, diacritics, brackets or trailing punctuation. */
export function headerKey(header: string): string {
  return fold(header.replace(/[()[\]{}:*.,;&?"'/\\_-]+/g, ' ').replace(/\s+/g, ' '));
}

const BY_KEY = new Map<string, SheetField>();
for (const [field, names] of Object.entries(HEADERS)) for (const name of names) BY_KEY.set(headerKey(name), field as SheetField);

/**
 * The field a header names: exactly, or by its longest known name followed by more words
 * ("Thời hạn hoàn thành (theo văn bản)" is `due`); null when none fits.
 */
export function fieldOfHeader(header: string): SheetField | null {
  const key = headerKey(header);
  if (!key) return null;
  const exact = BY_KEY.get(key);
  if (exact) return exact;
  let best: { field: SheetField; length: number } | null = null;
  for (const [name, field] of BY_KEY) {
    if (key.startsWith(`${name} `) && (!best || name.length > best.length)) best = { field, length: name.length };
  }
  return best?.field ?? null;
}

export interface ColumnMap {
  /** Folded header (or column letter, upper case) → field. */
  entries: { key: string; letter: number | null; field: SheetField; given: string }[];
}

const FIELD_ALIASES: Record<string, SheetField> = Object.fromEntries([
  ...SHEET_FIELDS.map((f) => [f.toLowerCase(), f]),
  ['coord', 'coordinating'],
  ['due_on', 'due'],
  ['completed', 'completedOn'],
  ['assigned', 'assignedOn'],
  ['cancelled', 'cancelledOn'],
  ['skip', 'ignore'],
  ['-', 'ignore'],
]);

/** "A" → 1, "AB" → 28: a column named by its letter in `--map`. */
function letterIndex(text: string): number | null {
  if (!/^[A-Z]{1,2}$/.test(text)) return null;
  return [...text].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** `--map "Nội dung=text,Đơn vị chủ trì=lead,C=due"`: a header or a column letter, then a field. */
export function parseColumnMap(text: string): ColumnMap {
  const entries: ColumnMap['entries'] = [];
  for (const part of text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean)) {
    const at = part.lastIndexOf('=');
    const header = at < 0 ? '' : part.slice(0, at).trim();
    const name = at < 0 ? '' : part.slice(at + 1).trim();
    const field = FIELD_ALIASES[name.toLowerCase()];
    if (!header || !field) {
      throw new ValidationError(
        t(`--map không hiểu "${part}"`, `--map cannot read "${part}"`),
        t(`viết "Tiêu đề cột=trường", trường là một trong: ${SHEET_FIELDS.join(', ')}`, `write "Header=field", the field one of: ${SHEET_FIELDS.join(', ')}`),
      );
    }
    entries.push({ key: headerKey(header), letter: letterIndex(header), field, given: header });
  }
  return { entries };
}

export interface Layout {
  /** Field of each column (index 0 = column A); null for a column nobody reads. */
  fields: (SheetField | null)[];
  /** The headers of columns left unread, for the report. */
  unread: string[];
}

/** Which field each column of the header row holds: the map first, then the usual names. */
export function layoutOf(headers: string[], map: ColumnMap | null): Layout {
  const fields: (SheetField | null)[] = headers.map(() => null);
  const used = new Set<number>();
  for (const entry of map?.entries ?? []) {
    let index = headers.findIndex((h) => headerKey(h) === entry.key);
    if (index < 0 && entry.letter !== null) index = entry.letter - 1;
    if (index < 0) {
      throw new ValidationError(
        t(`--map: không có cột "${entry.given}"`, `--map: no column "${entry.given}"`),
        t(`các cột của bảng: ${headers.filter(Boolean).join('; ')}`, `the sheet's columns: ${headers.filter(Boolean).join('; ')}`),
      );
    }
    while (fields.length <= index) fields.push(null);
    fields[index] = entry.field;
    used.add(index);
  }
  const taken = new Set(fields.filter((f): f is SheetField => f !== null && f !== 'ignore'));
  headers.forEach((header, i) => {
    if (used.has(i)) return;
    const field = fieldOfHeader(header);
    // The first column with a name wins; a second "Ghi chú" is left unread, not merged.
    if (field && !taken.has(field)) {
      fields[i] = field;
      taken.add(field);
    }
  });
  const unread = headers.filter((h, i) => h.trim() && (fields[i] === null || fields[i] === 'ignore'));
  return { fields, unread };
}

/** How many known headers a row has: the header row is the first with the text and two more. */
export function headerScore(cells: string[]): number {
  const fields = new Set(cells.map(fieldOfHeader).filter((f): f is SheetField => f !== null));
  return fields.has('text') ? fields.size : 0;
}
