/**
 * The 30 units of the benchmark's Sở: a Sở Nông nghiệp và Môi trường as provinces organised it
 * after the 2025 merger, big enough to have thirty phòng, chi cục, trung tâm and ban.
 * `weight` is the unit's share of the Director's tasks: the office and the planning units get
 * many more than a small centre does.
 */
export const ORGANIZATION = 'Sở Nông nghiệp và Môi trường tỉnh Quảng Hòa (dữ liệu thử hiệu năng)';

export const UNITS = [
  { code: 'VP', name: 'Văn phòng Sở', aliases: ['Văn phòng'], head: 'Chánh Văn phòng', weight: 12 },
  { code: 'TTR', name: 'Thanh tra Sở', aliases: ['Thanh tra'], head: 'Chánh Thanh tra', weight: 6 },
  { code: 'KHTC', name: 'Phòng Kế hoạch - Tài chính', aliases: ['Phòng KHTC', 'Kế hoạch tài chính'], head: 'Trưởng phòng Kế hoạch - Tài chính', weight: 9 },
  { code: 'TCCB', name: 'Phòng Tổ chức cán bộ', aliases: ['Phòng TCCB'], head: 'Trưởng phòng Tổ chức cán bộ', weight: 5 },
  { code: 'PC', name: 'Phòng Pháp chế', aliases: ['Pháp chế'], head: 'Trưởng phòng Pháp chế', weight: 4 },
  { code: 'QLDD', name: 'Phòng Quản lý đất đai', aliases: ['Phòng Đất đai'], head: 'Trưởng phòng Quản lý đất đai', weight: 7 },
  { code: 'TNN', name: 'Phòng Tài nguyên nước', aliases: ['Tài nguyên nước'], head: 'Trưởng phòng Tài nguyên nước', weight: 3 },
  { code: 'KS', name: 'Phòng Khoáng sản', aliases: ['Khoáng sản'], head: 'Trưởng phòng Khoáng sản', weight: 3 },
  { code: 'KTTV', name: 'Phòng Khí tượng thủy văn và Biến đổi khí hậu', aliases: ['Phòng KTTV'], head: 'Trưởng phòng Khí tượng thủy văn và Biến đổi khí hậu', weight: 2 },
  { code: 'DDBD', name: 'Phòng Đo đạc, Bản đồ và Viễn thám', aliases: ['Phòng Đo đạc bản đồ'], head: 'Trưởng phòng Đo đạc, Bản đồ và Viễn thám', weight: 2 },
  { code: 'KTHT', name: 'Phòng Kinh tế hợp tác và Phát triển nông thôn', aliases: ['Phòng Phát triển nông thôn'], head: 'Trưởng phòng Kinh tế hợp tác và Phát triển nông thôn', weight: 3 },
  { code: 'QLCL', name: 'Phòng Quản lý chất lượng nông lâm sản', aliases: ['Phòng Quản lý chất lượng'], head: 'Trưởng phòng Quản lý chất lượng nông lâm sản', weight: 3 },
  { code: 'CCTL', name: 'Chi cục Thủy lợi', aliases: ['Thủy lợi'], head: 'Chi cục trưởng Chi cục Thủy lợi', weight: 5 },
  { code: 'CCKL', name: 'Chi cục Kiểm lâm', aliases: ['Kiểm lâm'], head: 'Chi cục trưởng Chi cục Kiểm lâm', weight: 6 },
  { code: 'TTBVTV', name: 'Chi cục Trồng trọt và Bảo vệ thực vật', aliases: ['Chi cục Trồng trọt', 'Bảo vệ thực vật'], head: 'Chi cục trưởng Chi cục Trồng trọt và Bảo vệ thực vật', weight: 4 },
  { code: 'CNTY', name: 'Chi cục Chăn nuôi và Thú y', aliases: ['Chi cục Thú y', 'Chăn nuôi thú y'], head: 'Chi cục trưởng Chi cục Chăn nuôi và Thú y', weight: 4 },
  { code: 'CCTS', name: 'Chi cục Thủy sản', aliases: ['Thủy sản'], head: 'Chi cục trưởng Chi cục Thủy sản', weight: 3 },
  { code: 'CCBVMT', name: 'Chi cục Bảo vệ môi trường', aliases: ['Bảo vệ môi trường'], head: 'Chi cục trưởng Chi cục Bảo vệ môi trường', weight: 5 },
  { code: 'BHD', name: 'Chi cục Biển và Hải đảo', aliases: ['Biển và hải đảo'], head: 'Chi cục trưởng Chi cục Biển và Hải đảo', weight: 2 },
  { code: 'VPDKDD', name: 'Văn phòng Đăng ký đất đai', aliases: ['Văn phòng Đăng ký', 'VPĐKĐĐ'], head: 'Giám đốc Văn phòng Đăng ký đất đai', weight: 6 },
  { code: 'TTPTQD', name: 'Trung tâm Phát triển quỹ đất', aliases: ['Trung tâm Quỹ đất'], head: 'Giám đốc Trung tâm Phát triển quỹ đất', weight: 3 },
  { code: 'TTQT', name: 'Trung tâm Quan trắc tài nguyên và môi trường', aliases: ['Trung tâm Quan trắc'], head: 'Giám đốc Trung tâm Quan trắc tài nguyên và môi trường', weight: 2 },
  { code: 'TTCNTT', name: 'Trung tâm Công nghệ thông tin', aliases: ['Trung tâm CNTT'], head: 'Giám đốc Trung tâm Công nghệ thông tin', weight: 2 },
  { code: 'TTKN', name: 'Trung tâm Khuyến nông', aliases: ['Khuyến nông'], head: 'Giám đốc Trung tâm Khuyến nông', weight: 3 },
  { code: 'TTNS', name: 'Trung tâm Nước sạch và Vệ sinh môi trường nông thôn', aliases: ['Trung tâm Nước sạch'], head: 'Giám đốc Trung tâm Nước sạch và Vệ sinh môi trường nông thôn', weight: 2 },
  { code: 'TTGIONG', name: 'Trung tâm Giống cây trồng, vật nuôi', aliases: ['Trung tâm Giống'], head: 'Giám đốc Trung tâm Giống cây trồng, vật nuôi', weight: 1 },
  { code: 'VPNTM', name: 'Văn phòng Điều phối nông thôn mới', aliases: ['Văn phòng Nông thôn mới'], head: 'Chánh Văn phòng Điều phối nông thôn mới', weight: 3 },
  { code: 'BQLDA', name: 'Ban Quản lý dự án chuyên ngành nông nghiệp và môi trường', aliases: ['Ban Quản lý dự án', 'Ban QLDA'], head: 'Giám đốc Ban Quản lý dự án', weight: 3 },
  { code: 'BQLRPH', name: 'Ban Quản lý rừng phòng hộ', aliases: ['Ban Quản lý rừng'], head: 'Trưởng Ban Quản lý rừng phòng hộ', weight: 2 },
  { code: 'QBVR', name: 'Quỹ Bảo vệ và Phát triển rừng', aliases: ['Quỹ Bảo vệ rừng'], head: 'Giám đốc Quỹ Bảo vệ và Phát triển rừng', weight: 1 },
];

/** The unit file in the format `tasks unit import` reads. */
export function unitFile() {
  return {
    organization: ORGANIZATION,
    units: UNITS.map((u) => ({
      code: u.code,
      name: u.name,
      aliases: u.aliases,
      head: u.head,
      email: `${u.code.toLowerCase()}@snnmt.quanghoa.example.vn`,
    })),
    groups: [
      { name: 'các đơn vị thuộc Sở', aliases: ['các đơn vị', 'trưởng các đơn vị thuộc Sở'], members: 'all' },
      { name: 'các chi cục', aliases: ['khối chi cục'], members: ['CCTL', 'CCKL', 'TTBVTV', 'CNTY', 'CCTS', 'CCBVMT', 'BHD'] },
    ],
  };
}
