import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../src/domain/working-days.js';
import { findDueDates, findTiming, findTimingWithWords, type DeadlineContext } from '../../src/import/deadlines.js';

const ctx: DeadlineContext = { base: '2021-06-24', calendar: makeCalendar({ off: [], workdays: [] }) };

describe('deadline phrases', () => {
  it.each([
    ['Hoàn thành trước ngày 30/9/2021.', '2021-09-30'],
    ['báo cáo chậm nhất ngày 15/12', '2021-12-15'],
    ['hoàn thành trước ngày 10/12/2023./.', '2023-12-10'],
    ['gửi về Sở trước 14 giờ, ngày 05/12/2017', '2017-12-05'],
    ['trình trước ngày 20 tháng 12 năm 2023', '2023-12-20'],
    ['báo cáo kết quả chậm nhất ngày 20.7.2020', '2020-07-20'],
    ['hoàn thành trước 30-6', '2021-06-30'],
    ['báo cáo trước 15/3', '2022-03-15'],
    ['triển khai trong tháng 7/2021', '2021-07-31'],
    ['hoàn thành trong quý III/2021', '2021-09-30'],
    ['thực hiện trong quý 4 năm 2022', '2022-12-31'],
    ['tập trung thực hiện trong 6 tháng cuối năm 2021', '2021-12-31'],
    ['hoàn thành trong 6 tháng đầu năm 2022', '2022-06-30'],
    ['phấn đấu từ nay đến cuối năm mỗi đơn vị có một bài viết', '2021-12-31'],
    ['trình Giám đốc Sở trong 10 ngày làm việc', '2021-07-08'],
    ['báo cáo trong 10 ngày làm việc kể từ ngày ký thông báo', '2021-07-08'],
    ['phản hồi trong vòng 15 ngày', '2021-07-09'],
    ['hạn chót: 31/8/2021', '2021-08-31'],
    ['Thời hạn: quý 4 năm 2021', '2021-12-31'],
    ['Thời hạn: tháng 10/2021', '2021-10-31'],
    ['trình UBND tỉnh trước ngày 15 tháng 11 năm 2021.', '2021-11-15'],
    ['báo cáo Chủ tịch UBND tỉnh chậm nhất ngày 5/8/2021', '2021-08-05'],
    ['thời hạn hoàn thành: ngày 15 tháng 9', '2021-09-15'],
  ])('%s → %s', (text, due) => {
    expect(findTiming(text, ctx)).toMatchObject({ kind: 'due', due });
  });

  it.each([
    'rà soát Kế hoạch số 984/KH-SNgV ngày 31/12/2020 của Sở',
    'thực hiện Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ',
    'thông báo đến tổ chức, công dân liên hệ thực hiện kể từ ngày 28/6/2021',
    'tổng hợp số liệu tính đến ngày 30/6/2021',
    'cung cấp dịch vụ công đối với 6/7 thủ tục hành chính',
    'nâng cao chất lượng so với năm 2020',
    'ghi nhận cố gắng của các đơn vị trong năm qua',
  ])('a cited or descriptive date is no deadline: %s', (text) => {
    expect(findDueDates(text, ctx)).toEqual([]);
    expect(findTiming(text, ctx)).toBeNull();
  });

  it.each([
    ['thường xuyên theo dõi, đôn đốc', { kind: 'ongoing' }],
    ['Thường xuyên theo dõi và báo cáo trong các buổi họp giao ban hàng tháng', { kind: 'ongoing' }],
    ['tổng hợp, báo cáo hàng tháng', { kind: 'recurring', every: 'month', day: null }],
    ['báo cáo hằng quý, trước ngày 20 của tháng cuối quý', { kind: 'recurring', every: 'quarter', day: 20 }],
    ['tổng hợp tình hình định kỳ 6 tháng', { kind: 'recurring', every: 'half-year', day: null }],
    ['sơ kết, báo cáo kết quả thực hiện hàng năm', { kind: 'recurring', every: 'year', day: null }],
    ['báo cáo hằng năm, trước ngày 15 tháng 12', { kind: 'recurring', every: 'year', day: 15 }],
    ['chủ trì thực hiện, có sử dụng thư công vụ thường xuyên', { kind: 'ongoing' }],
    ['gửi tin trong 3 ngày làm việc kể từ khi kết thúc sự kiện', { kind: 'ongoing' }],
  ])('%s → %o', (text, timing) => {
    expect(findTiming(text, ctx)).toEqual(timing);
  });

  it('keeps the last stage of a directive with several', () => {
    expect(findTiming('xây dựng dự thảo trước ngày 15/7/2021, trình ban hành trước ngày 30/9/2021', ctx)).toMatchObject({ due: '2021-09-30' });
  });

  it('counts working days on the calendar it is given', () => {
    const withHoliday = { ...ctx, calendar: makeCalendar({ off: [{ date: '2021-06-25', name: 'nghỉ' }], workdays: [] }) };
    expect(findTiming('trong 1 ngày làm việc', withHoliday)).toMatchObject({ due: '2021-06-28' });
  });
});

describe('time expressions by their role', () => {
  const signed: DeadlineContext = { ...ctx, base: '2026-03-02', issuedOn: '2026-03-02' };
  const draft: DeadlineContext = { ...ctx, base: '2026-03-02', issuedOn: null };

  it.each([
    ['tổ chức hội nghị vào ngày 20.9.2026', '2026-09-20'],
    ['gửi báo cáo về Văn phòng trong ngày 12 tháng 3 năm 2026', '2026-03-12'],
    ['đăng ký dự họp trước 15 giờ, ngày 11\ntháng 3 năm 2026', '2026-03-11'],
    ['báo cáo trong 10 ngày làm việc kể từ ngày ký', '2026-03-16'],
    ['thời hạn hoàn thành: quý II năm 2026', '2026-06-30'],
  ])('a deadline: %s → %s', (text, due) => {
    expect(findTiming(text, signed)).toMatchObject({ kind: 'due', due });
  });

  it.each([
    'tham mưu xây dựng Chiến lược phát triển đến năm 2030, tầm nhìn đến năm 2045',
    'triển khai các nhiệm vụ giai đoạn 2026 - 2030',
    'tổng hợp số liệu từ năm 2021 đến ngày 31/3/2025',
    'tập trung thực hiện quyết liệt trong năm 2026',
    'thực hiện theo Kế hoạch số 12/KH-UBND ngày 31/3/2026',
  ])('not a deadline: %s', (text) => {
    expect(findTiming(text, signed)).toBeNull();
  });

  it.each([
    ['định kỳ 02 tuần/lần tổng hợp, báo cáo tiến độ', 'week', null],
    ['hằng tuần vào thứ Sáu báo cáo kết quả', 'week', 5],
    ['báo cáo 6 tháng trước ngày 10/7; báo cáo năm trước ngày 20/12', 'half-year', 10],
    ['chậm nhất vào ngày 05 hằng tháng gửi báo cáo', 'month', 5],
    ['tổng hợp trước ngày 05 của tháng liền kề', 'month', 5],
  ])('recurring: %s', (text, every, day) => {
    expect(findTiming(text, signed)).toEqual({ kind: 'recurring', every, day });
  });

  it('is not fooled by a yearly document named in the task', () => {
    expect(findTiming('tổ chức thực hiện Kế hoạch cải cách hành chính hằng năm của tỉnh', signed)).toBeNull();
  });

  it.each([
    ['báo cáo trong 10 ngày làm việc kể từ ngày ký', draft, 'deadline_relative'],
    ['trong 15 ngày kể từ ngày nhận được văn bản này', signed, 'deadline_relative'],
    ['sau khi đề án được phê duyệt, trong 30 ngày triển khai thực hiện', signed, 'deadline_relative'],
    ['hoàn thành trước ngày 31/04/2026', signed, 'deadline_invalid'],
    ['hoàn thành trong quý V/2026', signed, 'deadline_invalid'],
  ])('flagged, never dropped: %s', (text, context, flag) => {
    expect(findTimingWithWords(text, context)).toMatchObject({ timing: null, flag });
  });

  it('keeps the words that decided the deadline', () => {
    expect(findTimingWithWords('Sở Tư pháp rà soát, báo cáo chậm nhất ngày 15/4/2026 để tổng hợp.', signed)).toMatchObject({ words: 'chậm nhất ngày 15/4/2026' });
  });
});
