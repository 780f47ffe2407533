/**
 * The configuration keys `tasks config` knows: each with its default, a description and a check.
 * A new key (reminders, mail) is one more entry in SETTINGS; nothing else needs to change.
 */
import { ValidationError, t, type Text } from './errors.js';
import { REMIND_SETTINGS } from './remind-settings.js';
import type { SettingSpec } from './setting-spec.js';
import { parsePeriodKind } from './report-period.js';
import { cleanLine } from './text.js';


function line(max: number): (value: string) => string {
  return (value) => {
    const text = cleanLine(value);
    if (text.length > max) throw new ValidationError(t(`giá trị dài quá ${max} ký tự`, `value longer than ${max} characters`));
    return text;
  };
}

function nonEmptyLine(max: number): (value: string) => string {
  const check = line(max);
  return (value) => {
    const text = check(value);
    if (!text) throw new ValidationError(t('giá trị không được để trống', 'the value is empty'), t('muốn trở về mặc định thì dùng "tasks config unset"', 'use "tasks config unset" to return to the default'));
    return text;
  };
}

/** The number a document gets when the văn thư registers it: digits only, or blank in a draft. */
function documentNumber(value: string): string {
  const text = value.trim();
  if (text && !/^\d{1,6}$/.test(text)) {
    throw new ValidationError(t(`số văn bản chỉ gồm chữ số: "${value}"`, `a document number is digits only: "${value}"`), t('ví dụ: tasks config set report.number 125', 'e.g. tasks config set report.number 125'));
  }
  return text;
}

/** Ký hiệu: upper-case letters and digits joined by hyphens, e.g. BC-VP or BC-SNgV. */
function documentSymbol(value: string): string {
  const text = value.trim();
  if (!/^[\p{L}\d]+(-[\p{L}\d]+)*$/u.test(text) || text.length > 30) {
    throw new ValidationError(t(`ký hiệu văn bản không hợp lệ: "${value}"`, `invalid document symbol: "${value}"`), t('ví dụ: BC-VP', 'e.g. BC-VP'));
  }
  return text;
}

/** Recipients, one per item, separated by ";" when typed on one line. */
function recipients(value: string): string {
  const items = value.split(/[;\n]/).map(cleanLine).filter(Boolean);
  if (items.length === 0) throw new ValidationError(t('danh sách nơi nhận trống', 'the recipient list is empty'), t('ví dụ: "Giám đốc Sở (để b/c); Lưu: VT, VP"', 'e.g. "Giám đốc Sở (để b/c); Lưu: VT, VP"'));
  return items.join('; ');
}

/** An http(s) address without a trailing slash. */
function webUrl(value: string): string {
  const text = value.trim().replace(/\/+$/, '');
  let ok = false;
  try {
    const url = new URL(text);
    ok = (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash && !url.username;
  } catch {
    ok = false;
  }
  if (!ok) throw new ValidationError(t(`địa chỉ trang web không hợp lệ: "${value}"`, `invalid web address: "${value}"`), t('ví dụ: tasks config set web.url https://nhiemvu.sngv.quanghoa.gov.vn', 'e.g. tasks config set web.url https://tasks.example.gov.vn'));
  return text;
}

function wholeNumber(min: number, max: number): (value: string) => string {
  return (value) => {
    const text = value.trim();
    if (!/^\d{1,4}$/.test(text) || Number(text) < min || Number(text) > max) {
      throw new ValidationError(t(`số không hợp lệ: "${value}"`, `invalid number: "${value}"`), t(`một số nguyên từ ${min} đến ${max}`, `a whole number from ${min} to ${max}`));
    }
    return String(Number(text));
  };
}

export const SETTINGS: readonly SettingSpec[] = [
  // No sample agency: a new database learns it from the units file's "organization" or is told it.
  { key: 'org.parent', defaultValue: '', description: t('cơ quan chủ quản, dòng trên của tiêu đề (theo trường "organization" của danh sách đơn vị)', 'governing body, the header\'s upper line (from the unit list\'s "organization")'), check: line(120) },
  { key: 'org.name', defaultValue: 'VĂN PHÒNG', description: t('cơ quan, đơn vị ban hành báo cáo (in đậm)', 'the issuing body (bold)'), check: nonEmptyLine(120) },
  { key: 'org.place', defaultValue: 'Quảng Hòa', description: t('địa danh ghi trước ngày tháng', 'place name before the date'), check: nonEmptyLine(60) },
  { key: 'report.number', defaultValue: '', description: t('số của báo cáo (để trống khi chưa vào sổ)', 'report number (blank until registered)'), check: documentNumber },
  { key: 'report.symbol', defaultValue: 'BC-VP', description: t('ký hiệu của báo cáo, sau dấu "/"', 'report symbol, after the "/"'), check: documentSymbol },
  { key: 'report.signerTitle', defaultValue: 'CHÁNH VĂN PHÒNG', description: t('chức vụ người ký', 'title of the signer'), check: nonEmptyLine(80) },
  { key: 'report.signerAuthority', defaultValue: '', description: t('thẩm quyền ký, ví dụ "KT. GIÁM ĐỐC" (để trống nếu ký trực tiếp)', 'signing authority, e.g. "KT. GIÁM ĐỐC"'), check: line(80) },
  { key: 'report.signer', defaultValue: '', description: t('họ và tên người ký (để trống để ký tay)', 'the signer\'s full name (blank to write by hand)'), check: line(80) },
  {
    key: 'report.recipients',
    defaultValue: 'Giám đốc Sở (để b/c); Các Phó Giám đốc Sở; Các đơn vị thuộc Sở; Lưu: VT, VP',
    description: t('nơi nhận, cách nhau bởi dấu ";"', 'recipients, separated by ";"'),
    check: recipients,
  },
  {
    key: 'report.period',
    defaultValue: 'month',
    description: t('kỳ báo cáo mặc định của tasks digest: month (tháng dương lịch) hoặc nd09 (từ ngày 15 tháng trước đến ngày 14 tháng này)', 'default reporting period of tasks digest: month or nd09 (15th of the previous month to the 14th)'),
    check: (value: string) => parsePeriodKind(value),
  },
  {
    key: 'report.escalateReminders',
    defaultValue: '3',
    description: t('nhiệm vụ quá hạn đã nhắc nhiều hơn số lần này được đề nghị đưa vào giao ban', 'an overdue task reminded more than this many times is proposed for the giao ban'),
    check: wholeNumber(0, 999),
  },
  {
    key: 'report.escalateDays',
    defaultValue: '30',
    description: t('nhiệm vụ quá hạn nhiều hơn số ngày này được đề nghị đưa vào giao ban', 'a task overdue by more than this many days is proposed for the giao ban'),
    check: wholeNumber(0, 9999),
  },
  {
    key: 'report.closing',
    defaultValue: 'Văn phòng Sở báo cáo Giám đốc Sở',
    description: t('câu kết của báo cáo, trước dấu "./."', 'the closing sentence of the report, before "./."'),
    check: nonEmptyLine(300),
  },
  {
    key: 'report.quietDays',
    defaultValue: '14',
    description: t('nhiệm vụ đang thực hiện không cập nhật tiến độ quá số ngày này thì được liệt kê riêng', 'open tasks with no progress note for more than this many days are listed apart'),
    check: wholeNumber(1, 3650),
  },
  ...REMIND_SETTINGS,
  {
    key: 'web.url',
    defaultValue: '',
    description: t('địa chỉ trang web của tasks serve, ghi trong đường dẫn đăng nhập và thư nhắc việc (để trống: địa chỉ máy chủ đang nghe)', 'the address of the tasks serve page, used in sign-in links and reminders (blank: the address the server listens on)'),
    check: webUrl,
  },
];

/** The value as it may be printed or written to the audit trail. */
export function shownValue(key: string, value: string | null): string | null {
  if (value === null) return null;
  const spec = SETTINGS.find((s) => s.key === key);
  return spec?.mask ? spec.mask(value) : value;
}

export function findSetting(key: string): SettingSpec {
  const spec = SETTINGS.find((s) => s.key === key);
  if (!spec) {
    throw new ValidationError(
      t(`không có khóa cấu hình "${key}"`, `no configuration key "${key}"`),
      t(`các khóa: ${SETTINGS.map((s) => s.key).join(', ')}`, `keys: ${SETTINGS.map((s) => s.key).join(', ')}`),
    );
  }
  return spec;
}

export interface SettingValue {
  key: string;
  value: string;
  isDefault: boolean;
  description: Text;
}

/** Every known key with its value in force; stored keys no longer known are ignored. */
export function resolveSettings(stored: ReadonlyMap<string, string>): SettingValue[] {
  return SETTINGS.map((s) => ({
    key: s.key,
    value: stored.get(s.key) ?? s.defaultValue,
    isDefault: !stored.has(s.key),
    description: s.description,
  }));
}

export type SettingMap = Record<string, string>;

export function settingMap(values: SettingValue[]): SettingMap {
  return Object.fromEntries(values.map((v) => [v.key, v.value]));
}

/**
 * The header's upper line from a unit list's "organization": "Sở Ngoại vụ tỉnh Quảng Hòa" →
 * "SỞ NGOẠI VỤ" (the province belongs to the line above it, which a Sở's own report leaves out).
 */
export function agencyLineOf(organization: string): string {
  const name = cleanLine(organization).replace(/\s+(tỉnh|thành phố|tp\.?)\s+\S.*$/iu, '');
  return name.toLocaleUpperCase('vi');
}

/** The place before the report's date from "organization": "Sở Tài chính tỉnh Bình Định" → "Bình Định"; null when it names none. */
export function placeOf(organization: string): string | null {
  const m = /\s(?:tỉnh|thành phố|tp\.?)\s+(\S.*)$/iu.exec(cleanLine(organization));
  return m ? m[1] : null;
}
