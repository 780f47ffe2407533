import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { fieldOfHeader, headerScore, layoutOf, parseColumnMap } from '../../src/domain/sheet-columns.js';

describe('fieldOfHeader: the names trackers give their columns', () => {
  it.each([
    ['STT', 'no'],
    ['Nội dung nhiệm vụ', 'text'],
    ['NỘI DUNG CÔNG VIỆC', 'text'],
    ['noi dung chi dao', 'text'],
    ['Nội dung chỉ đạo của Giám đốc Sở', 'text'],
    ['Đơn vị chủ trì', 'lead'],
    ['Đơn vị thực hiện', 'lead'],
    ['Cơ quan, đơn vị chủ trì', 'lead'],
    ['Đơn vị phối hợp', 'coordinating'],
    ['Thời hạn', 'due'],
    ['Hạn xử lý', 'due'],
    ['Thời hạn hoàn thành (theo văn bản)', 'due'],
    ['Hạn hoàn thành', 'due'],
    ['Ngày hoàn thành', 'completedOn'],
    ['Ngày hoàn thành thực tế', 'completedOn'],
    ['Tình trạng', 'status'],
    ['Trạng thái xử lý', 'status'],
    ['Số văn bản', 'source'],
    ['Số hiệu', 'source'],
    ['Số, ký hiệu văn bản', 'source'],
    ['Số văn bản báo cáo', 'evidence'],
    ['Văn bản báo cáo kết quả', 'evidence'],
    ['Ngày giao', 'assignedOn'],
    ['Ngày ban hành', 'sourceDate'],
    ['Ghi chú', 'note'],
    ['Tình hình thực hiện', 'progress'],
    ['Đơn vị chưa xác định', 'ownerText'],
    ['Người ký', null],
    ['', null],
  ])('%s → %s', (header, field) => expect(fieldOfHeader(header)).toBe(field));
});

describe('the header row', () => {
  it('is a row with the task text and at least one more known column', () => {
    expect(headerScore(['DANH MỤC NHIỆM VỤ NĂM 2026'])).toBe(0);
    expect(headerScore(['STT', 'Nội dung', 'Đơn vị chủ trì', 'Thời hạn'])).toBe(4);
    expect(headerScore(['Đơn vị chủ trì', 'Thời hạn'])).toBe(0);
  });

  it('maps each column once; a second column of the same name is left unread', () => {
    const layout = layoutOf(['STT', 'Nội dung', 'Ghi chú', 'Đơn vị', 'Ghi chú', 'Người theo dõi'], null);
    expect(layout.fields).toEqual(['no', 'text', 'note', 'lead', null, null]);
    expect(layout.unread).toEqual(['Ghi chú', 'Người theo dõi']);
  });
});

describe('--map', () => {
  it('reads headers and column letters; the map wins over the usual names', () => {
    const map = parseColumnMap('Tên việc=text, C=lead ,Thời hạn=ignore,Hạn chót=due');
    expect(layoutOf(['STT', 'Tên việc', 'Phòng', 'Thời hạn', 'Hạn chót'], map).fields).toEqual(['no', 'text', 'lead', 'ignore', 'due']);
  });

  it('accepts the field names in any case and a few short forms', () => {
    expect(parseColumnMap('A=TEXT,B=coord,C=completed,D=-').entries.map((e) => e.field)).toEqual(['text', 'coordinating', 'completedOn', 'ignore']);
  });

  it('refuses an unknown field, or a header the sheet does not have', () => {
    expect(() => parseColumnMap('Nội dung=noidung')).toThrow(ValidationError);
    expect(() => parseColumnMap('Nội dung')).toThrow(ValidationError);
    expect(() => layoutOf(['Nội dung', 'Đơn vị'], parseColumnMap('Hạn chót=due'))).toThrow(/--map: không có cột "Hạn chót"/);
  });
});
