/**
 * The giao ban's reporting period. `month`: the calendar month. `nd09`: the reporting period of
 * Nghị định 09/2019/NĐ-CP (Điều 12: "tính từ ngày 15 của tháng trước đến ngày 14 của tháng thuộc
 * kỳ báo cáo"), so the report for November runs from 15 October to 14 November.
 */
import type { IsoDate } from './dates.js';
import { ValidationError, t } from './errors.js';
import { nextMonth, type Month } from './months.js';

export const PERIOD_KINDS = ['month', 'nd09'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface ReportPeriod {
  kind: PeriodKind;
  /** YYYY-MM the period is named after. */
  id: string;
  start: IsoDate;
  end: IsoDate;
}

export function parsePeriodKind(text: string): PeriodKind {
  const kind = text.trim().toLowerCase();
  if ((PERIOD_KINDS as readonly string[]).includes(kind)) return kind as PeriodKind;
  throw new ValidationError(t(`kỳ báo cáo không hợp lệ: "${text}"`, `unknown reporting period: "${text}"`), t('--period nhận month (tháng dương lịch) hoặc nd09 (từ ngày 15 tháng trước đến ngày 14 tháng này)', '--period takes month or nd09'));
}

function previousMonth(month: Month): Month {
  const year = month.month === 1 ? month.year - 1 : month.year;
  const m = month.month === 1 ? 12 : month.month - 1;
  const mm = String(m).padStart(2, '0');
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { id: `${year}-${mm}`, year, month: m, start: `${year}-${mm}-01`, end: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

export function periodOf(kind: PeriodKind, month: Month): ReportPeriod {
  if (kind === 'month') return { kind, id: month.id, start: month.start, end: month.end };
  const before = previousMonth(month);
  return { kind, id: month.id, start: `${before.id}-15`, end: `${month.id}-14` };
}

export function previousPeriod(kind: PeriodKind, month: Month): { period: ReportPeriod; month: Month } {
  const before = previousMonth(month);
  return { period: periodOf(kind, before), month: before };
}

export function followingPeriod(kind: PeriodKind, month: Month): ReportPeriod {
  return periodOf(kind, nextMonth(month));
}

/** Where the cumulative figures begin by default: 1 January, or for nd09 the 15 December before (its yearly period). */
export function defaultFrom(kind: PeriodKind, month: Month): IsoDate {
  return kind === 'nd09' ? `${month.year - 1}-12-15` : `${month.year}-01-01`;
}
