/** Nghị định 30/2020/NĐ-CP conventions shared by the formal formats (DOCX, HTML). */
import type { IsoDate } from '../../domain/dates.js';
import type { SettingMap } from '../../domain/settings.js';

/**
 * "Bình Định, ngày 05 tháng 7 năm 2021": days below 10 and the months 1 and 2 take a leading zero
 * (so "tháng 01" cannot be misread as "tháng 11" once written over by hand).
 */
export function placeAndDate(place: string, date: IsoDate): string {
  const day = date.slice(8, 10);
  const month = Number(date.slice(5, 7));
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${day} tháng ${mm} năm ${date.slice(0, 4)}`;
}

/** "Số: 125/BC-VP", or "Số:      /BC-VP" in a draft the văn thư has not numbered yet. */
export function numberLine(settings: SettingMap): string {
  const number = settings['report.number'] || '\u00a0'.repeat(6);
  return `Số: ${number}/${settings['report.symbol']}`;
}

export function recipientLines(settings: SettingMap): string[] {
  const items = settings['report.recipients'].split(';').map((s) => s.trim()).filter(Boolean);
  return items.map((item, i) => `- ${item}${i === items.length - 1 ? '.' : ';'}`);
}
