/** Flag values checked and turned into domain values; a bad one is the user's mistake (exit 1). */
import { parseDate, type IsoDate } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import { BUCKETS, type Bucket } from '../domain/status.js';
import { PERIODS, type Period } from '../domain/recurrence.js';

export function dateArg(what: string): (value: string) => IsoDate {
  return (value) => parseDate(value, what);
}

/** A task id: a positive whole number that fits the database. */
export function parseId(value: string): number {
  const text = value.trim().replace(/^#/, '');
  const id = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id) || id < 1 || id > 2 ** 53 - 1) {
    throw new ValidationError(
      t(`số nhiệm vụ không hợp lệ: "${value}"`, `invalid task number: "${value}"`),
      t('số nhiệm vụ là số nguyên dương, ví dụ: tasks show 12', 'a task number is a positive whole number, e.g. tasks show 12'),
    );
  }
  return id;
}

export function parseCount(what: string): (value: string) => number {
  return (value) => {
    if (!/^\d{1,5}$/.test(value.trim())) {
      throw new ValidationError(t(`${what} phải là số nguyên không âm: "${value}"`, `${what} must be a whole number: "${value}"`));
    }
    return Number(value);
  };
}

export function parsePeriod(value: string): Period {
  const aliases: Record<string, Period> = { 'thang': 'month', 'quy': 'quarter', '6-thang': 'half-year', 'halfyear': 'half-year', 'nam': 'year', 'tuan': 'week' };
  const key = value.trim().toLowerCase();
  const period = (PERIODS as readonly string[]).includes(key) ? (key as Period) : aliases[key];
  if (!period) {
    throw new ValidationError(t(`chu kỳ không hợp lệ: "${value}"`, `invalid period: "${value}"`), t('--every nhận week, month, quarter, half-year hoặc year', '--every takes week, month, quarter, half-year or year'));
  }
  return period;
}

export function parseBuckets(value: string, previous: Bucket[] | undefined): Bucket[] {
  const out = [...(previous ?? [])];
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(BUCKETS as readonly string[]).includes(item)) {
      throw new ValidationError(t(`nhóm tình trạng không hợp lệ: "${item}"`, `invalid bucket: "${item}"`), t(`chọn một trong: ${BUCKETS.join(', ')}`, `one of: ${BUCKETS.join(', ')}`));
    }
    out.push(item as Bucket);
  }
  return out;
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
