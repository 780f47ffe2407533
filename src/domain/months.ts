/** Calendar months as YYYY-MM, the unit of the giao ban digest. */
import { lastDayOfMonth, type IsoDate } from './dates.js';
import { ValidationError, t } from './errors.js';

export interface Month {
  /** YYYY-MM */
  id: string;
  year: number;
  month: number;
  start: IsoDate;
  end: IsoDate;
}

function monthOf(year: number, month: number): Month {
  const mm = String(month).padStart(2, '0');
  return { id: `${year}-${mm}`, year, month, start: `${year}-${mm}-01`, end: `${year}-${mm}-${String(lastDayOfMonth(year, month)).padStart(2, '0')}` };
}

/** Reads YYYY-MM (also MM/YYYY, as people write "tháng 11/2026"). */
export function parseMonth(input: string): Month {
  const text = input.trim();
  let year = NaN;
  let month = NaN;
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (iso) [year, month] = [Number(iso[1]), Number(iso[2])];
  else if (vn) [year, month] = [Number(vn[2]), Number(vn[1])];
  if (!(month >= 1 && month <= 12 && year >= 2000 && year <= 2099)) {
    throw new ValidationError(t(`tháng không hợp lệ: "${input}"`, `invalid month: "${input}"`), t('viết tháng theo dạng YYYY-MM, ví dụ 2026-11', 'write the month as YYYY-MM, e.g. 2026-11'));
  }
  return monthOf(year, month);
}

export function nextMonth(month: Month): Month {
  return month.month === 12 ? monthOf(month.year + 1, 1) : monthOf(month.year, month.month + 1);
}

export function monthContaining(date: IsoDate): Month {
  return monthOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}
