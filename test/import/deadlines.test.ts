import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../src/domain/working-days.js';
import { findDueDates, findTiming, type DeadlineContext } from '../../src/import/deadlines.js';

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
