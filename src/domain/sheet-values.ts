/**
 * Cell values of a tracker spreadsheet as the tracker needs them: text without the apostrophe
 * `tasks export` put before a formula-like text, dates from real date cells, Excel serial
 * numbers, dd/mm/yyyy or yyyy-mm-dd.
 */
import { MAX_DATE, MIN_DATE, readDate, type IsoDate } from './dates.js';
import { fold } from './text.js';

/** What a reader gives for one cell. */
export type CellValue = string | number | boolean | Date | null;

/** Day 0 of Excel's 1900 date system, as Excel counts it (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Undoes `neutraliseFormula`: "'=SUM(…)" written by export reads back as "=SUM(…)". */
export function restoreFormulaText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A cell as trimmed text ('' for an empty cell); dates as dd/mm/yyyy. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoOfDate(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return restoreFormulaText(value.trim()).trim();
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function isoOfDate(date: Date): IsoDate {
  // Readers give date cells at UTC midnight; a time of day in the cell does not change the day.
  // Built by hand: a tracker has several date cells a row, and toISOString is the slow way.
  const year = date.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? `${year}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` : date.toISOString().slice(0, 10);
}

/** Excel's serial day number → ISO date, or null outside 2000–2099. */
export function serialToDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const iso = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
  return iso >= MIN_DATE && iso <= MAX_DATE ? iso : null;
}

export type DateCell = { kind: 'empty' } | { kind: 'date'; date: IsoDate } | { kind: 'text'; text: string };

/**
 * Reads a date cell: a real date, a serial number (a date cell saved without its format, or
 * typed into CSV), "30/09/2026", "30-9-2026", "2026-09-30" (also with a time after it), or
 * "ngày 30/9/2026". Anything else comes back as text for the caller to judge.
 */
export function readDateCell(value: CellValue): DateCell {
  if (value === null || value === '') return { kind: 'empty' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: 'text', text: String(value) };
    const iso = isoOfDate(value);
    return iso >= MIN_DATE && iso <= MAX_DATE ? { kind: 'date', date: iso } : { kind: 'text', text: iso };
  }
  if (typeof value === 'number') {
    const iso = serialToDate(value);
    return iso ? { kind: 'date', date: iso } : { kind: 'text', text: String(value) };
  }
  const text = cellText(value);
  if (!text) return { kind: 'empty' };
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const iso = serialToDate(Number(text));
    if (iso) return { kind: 'date', date: iso };
  }
  const plain = text
    .replace(/^ng[aà]y\s+/i, '')
    .replace(/^(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '$1');
  const iso = readDate(plain);
  if (iso && iso >= MIN_DATE && iso <= MAX_DATE) return { kind: 'date', date: iso };
  return { kind: 'text', text };
}

/** "Thường xuyên" in a deadline cell: a standing task with no due date. */
export function isOngoingWord(text: string): boolean {
  return /^(?:nhiem vu )?thuong xuyen\b/.test(fold(text));
}

/** What a free "Tình trạng" cell says, as far as the import checks it against the dates. */
type StatusWord = 'done' | 'cancelled' | 'ongoing' | 'open' | null;
/** A tracker uses a handful of status phrases over and over: each is read once. */
const statusCache = new Map<string, StatusWord>();

export function statusWord(text: string): StatusWord {
  let word = statusCache.get(text);
  if (word === undefined) {
    word = readStatus(text);
    if (statusCache.size < 1000) statusCache.set(text, word);
  }
  return word;
}

function readStatus(text: string): StatusWord {
  const key = fold(text);
  if (!key) return null;
  if (/\b(?:chua|dang|khong) hoan thanh\b/.test(key)) return 'open';
  if (/\bhoan thanh\b|\bda xong\b|\bda xu ly\b/.test(key)) return 'done';
  if (/\bdung thuc hien\b|\bda dung\b|\bhuy\b|\brut nhiem vu\b|\bda rut\b/.test(key)) return 'cancelled';
  if (/\bthuong xuyen\b/.test(key)) return 'ongoing';
  return 'open';
}

/** Names in one cell: "Văn phòng Sở; Thanh tra Sở", one per line, or separated by commas. */
export function splitNames(text: string): string[] {
  return text
    .split(/[;,\n\r]+/)
    .map((s) => s.replace(/^\s*[-+•]\s*/, '').trim())
    .filter(Boolean);
}
