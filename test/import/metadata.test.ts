import { describe, expect, it } from 'vitest';
import { extractMetadata, partsOfNumber } from '../../src/import/metadata.js';

describe('source metadata', () => {
  it.each([
    ['Số: 304/TB-VPCP', '304/TB-VPCP', 'TB'],
    ['Số 84/TB-SNgV', '84/TB-SNgV', 'TB'],
    ['Công văn số 6202/UBND-KT', '6202/UBND-KT', 'CV'],
    ['Số: 12/2024/QĐ-UBND', '12/2024/QĐ-UBND', 'QĐ'],
  ])('number in "%s"', (line, number, kind) => {
    const meta = extractMetadata(`SỞ NGOẠI VỤ\n${line}\nTHÔNG BÁO\nKết luận cuộc họp`, '');
    expect(meta.number).toBe(number);
    expect(meta.kind).toBe(kind);
  });

  it('does not take a cited document for the source number', () => {
    const meta = extractMetadata('Kết luận cuộc họp\nCăn cứ Kế hoạch số 984/KH-SNgV ngày 31/12/2020 của Sở', '');
    expect(meta.number).toBeNull();
    expect(meta.kind).toBe('KL');
  });

  it('reads an issue date split over two lines', () => {
    const meta = extractMetadata('Số: 5/TB-SNgV\nQuảng Hòa, ngày 02 tháng 8\nnăm 2023\nTHÔNG BÁO\nKết luận', '');
    expect(meta.issuedOn).toBe('2023-08-02');
  });

  it('reads the meeting date and chair from the report, not the dates cited in it', () => {
    const before = 'Căn cứ Quyết định số 9/QĐ-UBND ngày 02/01/2021. Ngày 24/6/2021, tại Sở, Giám đốc Sở đã chủ trì buổi họp rà soát.';
    const meta = extractMetadata(`Tiêu đề\n${before}`, before);
    expect(meta.meetingOn).toBe('2021-06-24');
    expect(meta.chair).toBe('Giám đốc Sở');
  });

  it('takes the trích yếu after "THÔNG BÁO" as the title', () => {
    const meta = extractMetadata('UBND TỈNH QUẢNG HÒA\nSố: 1/TB-SNgV\nTHÔNG BÁO\nKết luận của Giám đốc Sở\ntại cuộc họp giao ban\n\nNgày 1/2/2026, ...', '');
    expect(meta.title).toBe('Kết luận của Giám đốc Sở tại cuộc họp giao ban');
  });

  it('splits a number into kind and issuer', () => {
    expect(partsOfNumber('984/KH-SNgV')).toEqual({ kind: 'KH', issuer: 'SNgV' });
    expect(partsOfNumber('6202/UBND-KT')).toEqual({ kind: 'CV', issuer: 'UBND' });
  });
});

describe('source metadata as real headers write it', () => {
  it.each([
    ['Số: 1234 /UBND-KT', '1234/UBND-KT'],
    ['Số 56 -CV/ĐU', '56-CV/ĐU'],
    ['Số: 963/SNV-CCHC&VTLT', '963/SNV-CCHC&VTLT'],
    ['Số:             /UBND-NC', null],
  ])('"%s" → %s', (line, number) => {
    expect(extractMetadata(`ỦY BAN NHÂN DÂN TỈNH\n${line}\nV/v triển khai`, '').number).toBe(number);
  });

  it('reads an issue date whose words run together, and none from a draft that leaves the day blank', () => {
    expect(extractMetadata('SỞ TÀI CHÍNH\nKhánh Lâm, ngày 09 tháng 02năm 2025', '').issuedOn).toBe('2025-02-09');
    expect(extractMetadata('SỞ TÀI CHÍNH\nKhánh Lâm, ngày      tháng 4 năm 2026', '').issuedOn).toBeNull();
  });
});
