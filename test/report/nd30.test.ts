import { describe, expect, test } from 'vitest';
import { numberLine, placeAndDate, recipientLines } from '../../src/report/digest/nd30.js';
import { neutraliseFormula } from '../../src/report/digest/safe-cell.js';
import { formatRate } from '../../src/report/digest/words.js';

describe('the place-and-date line (Nghị định 30/2020)', () => {
  test.each([
    ['2021-07-05', 'Bình Định, ngày 05 tháng 7 năm 2021'],
    ['2026-01-09', 'Bình Định, ngày 09 tháng 01 năm 2026'],
    ['2026-02-28', 'Bình Định, ngày 28 tháng 02 năm 2026'],
    ['2026-03-10', 'Bình Định, ngày 10 tháng 3 năm 2026'],
    ['2026-11-01', 'Bình Định, ngày 01 tháng 11 năm 2026'],
    ['2026-12-31', 'Bình Định, ngày 31 tháng 12 năm 2026'],
  ])('%s', (date, line) => {
    expect(placeAndDate('Bình Định', date)).toBe(line);
  });
});

describe('number and recipients', () => {
  const settings = { 'report.number': '125', 'report.symbol': 'BC-VP', 'report.recipients': 'Giám đốc Sở (để b/c); Các đơn vị thuộc Sở; Lưu: VT, VP' };

  test('a registered number, and the blank a draft keeps for the văn thư', () => {
    expect(numberLine(settings)).toBe('Số: 125/BC-VP');
    expect(numberLine({ ...settings, 'report.number': '' })).toMatch(/^Số: \u00a0+\/BC-VP$/);
  });

  test('one line each, a semicolon after all but the last, which ends with a full stop', () => {
    expect(recipientLines(settings)).toEqual(['- Giám đốc Sở (để b/c);', '- Các đơn vị thuộc Sở;', '- Lưu: VT, VP.']);
  });
});

describe('formula injection', () => {
  test.each(['=1+2', '+84 912', '-1', '@SUM(A1)', '\t=1', '\r=1'])('%j is turned into text', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  test.each(['84/TB-SNgV', 'a=1', '1-2', ''])('%j is left as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

test('rates: one decimal, a comma in Vietnamese, a dash when nothing is counted', () => {
  expect(formatRate(4 / 9, 'vi')).toBe('44,4%');
  expect(formatRate(4 / 9, 'en')).toBe('44.4%');
  expect(formatRate(1, 'vi')).toBe('100,0%');
  expect(formatRate(null, 'vi')).toBe('—');
});
