/**
 * Pieces the generator puts together into directive texts, document numbers and reasons, in the
 * words a Director's conclusion uses. Combined, they give thousands of distinct task texts, so
 * `--search` and the terminal tables see realistic lengths and diacritics.
 */
export const ACTIONS = [
  'Chủ trì, tham mưu',
  'Rà soát, đề xuất',
  'Khẩn trương hoàn thiện',
  'Xây dựng kế hoạch',
  'Tổng hợp, báo cáo kết quả',
  'Phối hợp kiểm tra',
  'Hướng dẫn các địa phương triển khai',
  'Đôn đốc, theo dõi việc thực hiện',
  'Tiếp thu ý kiến góp ý, hoàn chỉnh dự thảo',
  'Tổ chức đánh giá',
  'Tham mưu văn bản trình UBND tỉnh về',
  'Kiểm tra, xử lý dứt điểm',
];

export const SUBJECTS = [
  'công tác cải cách hành chính năm {year}',
  'kế hoạch đầu tư công trung hạn giai đoạn 2026-2030',
  'hồ sơ cấp giấy chứng nhận quyền sử dụng đất tồn đọng',
  'phương án phòng, chống thiên tai và tìm kiếm cứu nạn',
  'tình hình giải ngân vốn đầu tư công quý {quarter}/{year}',
  'đơn thư khiếu nại, tố cáo thuộc thẩm quyền',
  'dự thảo Quyết định quy định bảng giá đất',
  'công tác phòng cháy, chữa cháy rừng mùa khô',
  'chương trình mục tiêu quốc gia xây dựng nông thôn mới',
  'quy hoạch sử dụng đất cấp huyện',
  'việc cấp phép khai thác khoáng sản làm vật liệu xây dựng',
  'hệ thống quan trắc môi trường tự động',
  'kế hoạch phòng, chống dịch bệnh trên đàn gia súc, gia cầm',
  'chuyển đổi số và cơ sở dữ liệu đất đai',
  'thủ tục hành chính còn chậm giải quyết',
  'công trình thủy lợi xuống cấp cần sửa chữa',
  'việc thu hồi, xử lý đất công',
  'chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
  'việc chấn chỉnh lề lối làm việc, kỷ luật, kỷ cương hành chính',
  'hồ sơ đề nghị thẩm định báo cáo đánh giá tác động môi trường',
  'khai thác thủy sản bất hợp pháp, không báo cáo (IUU)',
  'sắp xếp, kiện toàn tổ chức bộ máy các đơn vị sự nghiệp',
  'phương án sản xuất vụ Đông Xuân {year}',
  'kết luận thanh tra về quản lý tài nguyên nước',
];

export const SCOPES = [
  '',
  ', báo cáo Giám đốc Sở',
  ', báo cáo kết quả về Văn phòng Sở để tổng hợp',
  ' theo chỉ đạo của UBND tỉnh',
  ', trình Giám đốc Sở xem xét, quyết định',
  ' trên địa bàn tỉnh',
];

export const SOURCE_KINDS = [
  { kind: 'TB', weight: 6, summary: 'Thông báo kết luận của Giám đốc Sở tại cuộc họp giao ban' },
  { kind: 'KH', weight: 2, summary: 'Kế hoạch triển khai nhiệm vụ' },
  { kind: 'CV', weight: 1, summary: 'Văn bản chỉ đạo của Giám đốc Sở' },
];

export const CANCEL_REASONS = [
  'Nhiệm vụ không còn phù hợp do thay đổi quy định',
  'UBND tỉnh đã giao đơn vị khác thực hiện',
  'Gộp vào nhiệm vụ khác cùng nội dung',
];

export const EXTENSION_REASONS = [
  'Chờ ý kiến của các sở, ngành liên quan',
  'Khối lượng hồ sơ lớn, cần thêm thời gian thẩm định',
  'Điều chỉnh theo kế hoạch của UBND tỉnh',
  'Chờ kết quả kiểm tra thực địa',
];

export const NOTES = [
  'Đã ban hành văn bản hướng dẫn các địa phương',
  'Đang tổng hợp số liệu từ các huyện',
  'Đã tổ chức họp với các đơn vị liên quan',
  'Đã trình dự thảo, chờ ý kiến lãnh đạo Sở',
];

export const OWNER_TEXTS = ['Tổ công tác liên ngành', 'Hội đồng thẩm định giá đất', 'Ban Chỉ đạo chuyển đổi số'];
