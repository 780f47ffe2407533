import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { coordinatingOf, ownersOf } from '../../src/import/owners.js';
import { registryFile } from '../helpers/registry.js';
import { ROOT } from '../helpers/cli.js';

const registry = registryFile(path.join(ROOT, 'data', 'units-sample.json'));
const codes = (text: string) => {
  const owners = ownersOf(text, registry);
  return owners && { lead: owners.lead.map((u) => u.code), ownerText: owners.ownerText, flags: owners.flags };
};

describe('owners', () => {
  it.each([
    ['Văn phòng Sở: rà soát kế hoạch', ['VP']],
    ['Giao Thanh tra Sở chủ trì kiểm tra', ['TTR']],
    ['Phòng Lãnh sự có trách nhiệm hướng dẫn', ['LS']],
    ['Giao Phòng HTQT chủ trì, phối hợp với Văn phòng Sở tổng hợp', ['HTQT']],
    ['van phong so tong hop bao cao', ['VP']],
    ['VĂN PHÒNG SỞ chủ trì thực hiện', ['VP']],
    ['Phòng TTĐN phát hành bản tin', ['TTDN']],
    ['Các đơn vị thuộc Sở thường xuyên rà soát', ['VP', 'TTR', 'LS', 'HTQT', 'TTDN']],
    ['Trưởng các đơn vị thuộc Sở có trách nhiệm gương mẫu', ['VP', 'TTR', 'LS', 'HTQT', 'TTDN']],
    ['Bộ phận một cửa niêm yết thủ tục', ['LS', 'HTQT']],
    ['Lãnh đạo các Phòng Lãnh sự, Hợp tác quốc tế chú ý nhắc nhở', ['LS', 'HTQT']],
    ['nh đạo các Phòng Lãnh sự, Phòng Hợp tác quốc tế chú ý nhắc nhở', ['LS', 'HTQT']],
    ['Sau khi có quyết định công bố, bộ phận quản trị mạng kịp thời cập nhật', ['VP']],
    ['Thanh tra Sở và Phòng Lãnh sự phối hợp kiểm tra', ['TTR', 'LS']],
    ['Về công tác thi đua: các đơn vị thuộc Sở tiếp tục phát động phong trào', ['VP', 'TTR', 'LS', 'HTQT', 'TTDN']],
    ['Chủ trì thực hiện: Thanh tra Sở. Thời hạn: 30/11/2026', ['TTR']],
  ])('%s → %o', (text, lead) => {
    expect(codes(text)).toEqual({ lead, ownerText: null, flags: [] });
  });

  it.each([
    ['Văn phongg Sở tổng hợp báo cáo', ['VP']],
    ['Phòng Thông tn đối ngoại cập nhật tin bài', ['TTDN']],
  ])('within two edits and unique: %s', (text, lead) => {
    expect(codes(text)).toEqual({ lead, ownerText: null, flags: ['fuzzy_owner'] });
  });

  it.each([
    ['Sở Tài chính phối hợp bố trí kinh phí', 'Sở Tài chính'],
    ['Công an tỉnh quản lý người nước ngoài', 'Công an tỉnh'],
    ['Phòng Lễ tân chuẩn bị đón đoàn', 'Phòng Lễ tân'],
  ])('outside the registry: %s', (text, ownerText) => {
    expect(codes(text)).toEqual({ lead: [], ownerText, flags: ['unknown_owner'] });
  });

  it.each([
    'Tiếp tục quán triệt việc sử dụng chữ ký số',
    'phải rà soát Kế hoạch số 984/KH-SNgV',
    'Thường xuyên theo dõi thời hạn các nhiệm vụ do UBND tỉnh giao. Theo đó, báo cáo tại cuộc họp giao ban hàng tháng',
    'Về công tác cải cách thể chế: rà soát văn bản',
  ])('no owner phrase: %s', (text) => {
    expect(codes(text)).toBeNull();
  });

  it('finds coordinating units after "phối hợp với", not in "Quy chế phối hợp"', () => {
    expect(coordinatingOf('chủ trì, phối hợp với Thanh tra Sở và Phòng Lãnh sự xây dựng quy chế', registry).map((u) => u.code)).toEqual(['TTR', 'LS']);
    expect(coordinatingOf('theo Quy chế phối hợp đã ký kết với các đơn vị thuộc Sở', registry)).toEqual([]);
    expect(coordinatingOf('Phòng TTĐN chủ trì biên tập, Văn phòng Sở phối hợp in ấn', registry).map((u) => u.code)).toEqual(['VP']);
  });
});

describe('owners as real documents write them', () => {
  it('flags a name written with the wrong diacritics, but not one typed without any', () => {
    expect(codes('Thanh tra Sơ kiểm tra hồ sơ')).toEqual({ lead: ['TTR'], ownerText: null, flags: ['fuzzy_owner'] });
    expect(codes('thanh tra so kiem tra ho so')).toEqual({ lead: ['TTR'], ownerText: null, flags: [] });
  });

  it('reads bodies joined by a slash, and a topic heading as no owner', () => {
    expect(codes('Văn phòng Sở/Thanh tra Sở phối hợp kiểm tra')?.lead).toEqual(['VP', 'TTR']);
    expect(codes('Đối với hồ sơ của Phòng Lãnh sự: rà soát, hoàn thiện')).toBeNull();
    expect(codes('Công tác lãnh sự được thực hiện kịp thời')).toBeNull();
  });

  it('reads "trao đổi, thống nhất với" as coordination', () => {
    expect(coordinatingOf('Phòng Lãnh sự trao đổi, thống nhất với Phòng Hợp tác quốc tế về quy trình', registry).map((u) => u.code)).toEqual(['HTQT']);
  });
});
