import { describe, expect, it } from 'vitest';
import { cellText, isOngoingWord, readDateCell, restoreFormulaText, serialToDate, splitNames, statusWord } from '../../src/domain/sheet-values.js';

describe('readDateCell', () => {
  it.each([
    [new Date('2026-11-30T00:00:00Z'), '2026-11-30'],
    [46356, '2026-11-30'],
    [46356.75, '2026-11-30'],
    ['46356', '2026-11-30'],
    ['30/11/2026', '2026-11-30'],
    ['3/9/2026', '2026-09-03'],
    ['30-11-2026', '2026-11-30'],
    ['30.11.2026', '2026-11-30'],
    ['2026-11-30', '2026-11-30'],
    ['2026-11-30T00:00:00.000Z', '2026-11-30'],
    ['2026-11-30 08:30', '2026-11-30'],
    ['ngày 30/11/2026', '2026-11-30'],
    [' 30/11/2026 ', '2026-11-30'],
  ])('%s → %s', (value, iso) => expect(readDateCell(value)).toEqual({ kind: 'date', date: iso }));

  it.each([[null], [''], ['   ']])('an empty cell (%j) is empty', (value) => expect(readDateCell(value)).toEqual({ kind: 'empty' }));

  it.each([['31/02/2026'], ['Quý IV/2026'], ['Thường xuyên'], [12], [new Date('1995-01-01T00:00:00Z')], ['13/13/2026']])('%s is text for the caller to judge', (value) => {
    expect(readDateCell(value).kind).toBe('text');
  });

  it('counts Excel serials from 30/12/1899 and only within 2000–2099', () => {
    expect(serialToDate(36526)).toBe('2000-01-01');
    expect(serialToDate(73050)).toBe('2099-12-31');
    expect(serialToDate(36525)).toBeNull();
    expect(serialToDate(73051)).toBeNull();
  });
});

describe('text cells', () => {
  it('takes off the apostrophe export puts before a formula-like text, and only that one', () => {
    expect(restoreFormulaText("'=SUM(A1:A3)")).toBe('=SUM(A1:A3)');
    expect(restoreFormulaText("'+84 912")).toBe('+84 912');
    expect(restoreFormulaText("'-Rà soát")).toBe('-Rà soát');
    expect(restoreFormulaText("'@mention")).toBe('@mention');
    expect(restoreFormulaText("'Trích dẫn'")).toBe("'Trích dẫn'");
    expect(cellText("  '=1+1 ")).toBe('=1+1');
    expect(cellText(84)).toBe('84');
  });

  it('reads "Thường xuyên" and the usual status words', () => {
    expect(isOngoingWord('Thường xuyên')).toBe(true);
    expect(isOngoingWord('nhiệm vụ thường xuyên')).toBe(true);
    expect(isOngoingWord('Trước 30/11/2026')).toBe(false);
    expect(statusWord('Đã hoàn thành')).toBe('done');
    expect(statusWord('Hoàn thành quá hạn')).toBe('done');
    expect(statusWord('Chưa hoàn thành')).toBe('open');
    expect(statusWord('Đang thực hiện đúng tiến độ')).toBe('open');
    expect(statusWord('Dừng thực hiện')).toBe('cancelled');
    expect(statusWord('Đã hủy')).toBe('cancelled');
    expect(statusWord('Thường xuyên')).toBe('ongoing');
    expect(statusWord('')).toBeNull();
  });

  it('splits unit lists on ; , and line breaks, dropping bullets', () => {
    expect(splitNames('Văn phòng Sở; Thanh tra Sở,\n- Phòng Lãnh sự')).toEqual(['Văn phòng Sở', 'Thanh tra Sở', 'Phòng Lãnh sự']);
  });
});
