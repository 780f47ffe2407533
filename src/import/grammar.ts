/**
 * The few word lists the parser's grammar needs, folded (no diacritics). A predicate starts with
 * one of VERBS; an owner's noun phrase starts with one of ORG_HEADS, perhaps after TITLES.
 */

/** Verbs and the adverbs that open a predicate in an instruction. */
export const VERBS = [
  'chu tri', 'phoi hop', 'co trach nhiem', 'chiu trach nhiem', 'tham muu', 'ra soat', 'thuc hien', 'tiep tuc', 'trao doi',
  'chu dong', 'khan truong', 'kip thoi', 'tang cuong', 'trien khai', 'xay dung', 'to chuc', 'theo doi', 'phai',
  'can', 'nghien cuu', 'de xuat', 'bao cao', 'hoan thanh', 'chu y', 'quan tam', 'don doc', 'nhac nho', 'huong dan',
  'kiem tra', 'cap nhat', 'thuong xuyen', 'som', 'nghiem tuc', 'luu y', 'chi dao', 'pho bien', 'quan triet', 'bo tri',
  'la dau moi', 'lam dau moi', 'tiep nhan', 'giai quyet', 'phan cong', 'cung cap', 'dam bao', 'day manh', 'nang cao',
  'uu tien', 'tap trung', 'ban hanh', 'trinh', 'gui', 'lap', 'tong hop', 'duy tri', 'tich cuc',
  'guong mau', 'tien hanh', 'soan thao', 'hoan thien', 'dieu chinh', 'bo sung', 'sua doi', 'phat huy', 'khac phuc',
  'chan chinh', 'tuyen truyen', 'van dong', 'su dung', 'ap dung', 'danh gia', 'so ket', 'tong ket', 'xu ly', 'xem xet',
  'lam viec', 'lien he', 'chuan bi', 'phat hanh', 'bao dam', 'niem yet', 'cong khai', 'dang tai', 'tra loi', 'phan hoi',
  'giai trinh', 'lam ro', 'ky', 'gop y', 'tham gia', 'tiep thu', 'ra', 'in', 'dang', 'nop', 'hoan tat', 'rut ngan', 'mo', 'dang ky', 'mua sam', 'dau tu', 'rut kinh nghiem', 'quan ly', 'giam sat', 'can cu',
] as const;

/** Nouns that head the name of a body or a person's post. */
export const ORG_HEADS = [
  'phong', 'van phong', 'thanh tra', 'so', 'ban', 'trung tam', 'uy ban', 'ubnd', 'bo phan', 'don vi', 'chi cuc', 'cuc',
  'vu', 'hoi', 'bo', 'cong an', 'dai', 'truong', 'benh vien', 'kho bac', 'huyen', 'thi xa', 'thanh pho',
  'xa', 'phuong', 'co quan', 'cong ty', 'doanh nghiep', 'dang uy', 'doan', 'nganh', 'to cong tac', 'to giup viec', 'lanh dao', 'giam doc',
  'pho giam doc', 'chanh', 'thu truong', 'can bo', 'cong chuc', 'chuyen vien', 'bch', 'chi bo', 'cong doan', 'tinh uy',
  'hdnd', 'mat tran', 'quan doi', 'bo chi huy', 'tong cong ty', 'vien', 'hoc vien', 'cac so', 'cac don vi', 'cac phong',
  'nha dau tu', 'chu dau tu', 'nha thau', 'hiep hoi', 'don vi tu van', 'to chuc',
] as const;

/** Words before an owner's name that name a post or a plural, not the body itself. */
export const TITLES = ['cac', 'lanh dao', 'truong', 'pho', 'thu truong', 'giam doc', 'chanh', 'dong chi', 'toan the', 'tat ca', 'moi', 'nhung'] as const;

/** Words that introduce whom an instruction is for. */
export const COMMANDS = /^(?:giao(?:\s+cho)?|de nghi|yeu cau|chi dao|phan cong|dong y giao|thong nhat giao|giao nhiem vu cho|trach nhiem(?:\s+chung)?(?:\s+cua)?)\b\s*:?\s*/;

/** Openings of an adverbial clause that comes before the subject ("Sau khi …, X làm …"). */
export const LEADING_CLAUSE = /^(?:ngay sau khi|sau khi|khi|truong hop|doi voi|tren co so|can cu|de(?!\s+nghi\b)|nham|trong thoi gian|tu nay|trong nam|ngoai ra|dong thoi|ben canh do|qua do|theo do)\b/;

function alternation(list: readonly string[]): string {
  return [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');
}

export const VERB_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(VERBS)})(?![\\p{L}\\p{N}])`, 'gu');
export const ORG_HEAD_PATTERN = new RegExp(`^(?:(?:${alternation(TITLES)})\\s+)*(?:${alternation(ORG_HEADS)})(?![\\p{L}\\p{N}])`, 'u');
