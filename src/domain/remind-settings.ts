/**
 * The `tasks config` keys of reminders and official mail. Kept apart from settings.ts so the
 * reminder rules read in one place; settings.ts lists them with the others.
 */
import { ValidationError, t } from './errors.js';
import type { SettingSpec } from './setting-spec.js';
import { cleanLine } from './text.js';

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function email(value: string): string {
  const text = value.trim();
  if (text && !EMAIL.test(text)) {
    throw new ValidationError(t(`"${value}" không phải địa chỉ thư điện tử`, `"${value}" is not an e-mail address`), t('ví dụ: vanphong@sngv.quanghoa.gov.vn (để trống: tasks config unset)', 'e.g. vanphong@sngv.quanghoa.gov.vn'));
  }
  return text.toLowerCase();
}

function days(min: number, max: number): (value: string) => string {
  return (value) => {
    const text = value.trim();
    if (!/^\d{1,4}$/.test(text) || Number(text) < min || Number(text) > max) {
      throw new ValidationError(t(`số ngày không hợp lệ: "${value}"`, `invalid number of days: "${value}"`), t(`một số nguyên từ ${min} đến ${max}`, `a whole number from ${min} to ${max}`));
    }
    return String(Number(text));
  };
}

/** "7,3" → "7,3": days before the due date, each once, largest first. */
function dayList(value: string): string {
  const items = value.split(/[,; ]+/).filter(Boolean);
  const numbers = items.map((item) => (/^\d{1,3}$/.test(item) ? Number(item) : NaN));
  if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 365)) {
    throw new ValidationError(t(`danh sách số ngày không hợp lệ: "${value}"`, `invalid list of days: "${value}"`), t('các số từ 1 đến 365 cách nhau bởi dấu phẩy, ví dụ 7,3 (để trống: không nhắc trước hạn)', 'numbers from 1 to 365 separated by commas, e.g. 7,3'));
  }
  return [...new Set(numbers)].sort((a, b) => b - a).join(',');
}

function onOff(value: string): string {
  const key = value.trim().toLowerCase();
  if (['on', 'yes', 'true', '1', 'có', 'co', 'bật', 'bat'].includes(key)) return 'on';
  if (['off', 'no', 'false', '0', 'không', 'khong', 'tắt', 'tat'].includes(key)) return 'off';
  throw new ValidationError(t(`giá trị bật/tắt không hợp lệ: "${value}"`, `invalid on/off value: "${value}"`), t('dùng on hoặc off', 'use on or off'));
}

function senderName(value: string): string {
  const text = cleanLine(value);
  if (!text || text.length > 80) throw new ValidationError(t('tên người gửi trống hoặc dài quá 80 ký tự', 'the sender name is empty or longer than 80 characters'));
  return text;
}

/** Lines kept (typed as real line breaks or as "\n"), each cleaned, at most 10. */
function signature(value: string): string {
  const lines = value.replace(/\\n/g, '\n').split(/\r\n?|\n/).map(cleanLine);
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  while (lines.length && !lines[0]) lines.shift();
  if (lines.length > 10 || lines.some((l) => l.length > 200)) {
    throw new ValidationError(t('chữ ký dài quá: tối đa 10 dòng, mỗi dòng 200 ký tự', 'the signature is too long: 10 lines of 200 characters at most'));
  }
  return lines.join('\n');
}

/** smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS). */
export function checkSmtpUrl(value: string): string {
  const text = value.trim();
  if (!text) return '';
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new ValidationError(
      t('địa chỉ máy chủ thư không hợp lệ', 'invalid mail server URL'),
      t('dạng smtp://tài-khoản:mật-khẩu@máy-chủ:587 hoặc smtps://…:465', 'like smtp://user:password@host:587 or smtps://…:465'),
    );
  }
  return text;
}

/** The URL with its password replaced, safe to print. */
export function maskSmtpUrl(value: string): string {
  if (!value) return value;
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) if (/pass|secret|token/i.test(key)) url.searchParams.set(key, '***');
    return url.toString();
  } catch {
    return '***';
  }
}

export const REMIND_SETTINGS: readonly SettingSpec[] = [
  { key: 'remind.offsetsBefore', defaultValue: '7,3', description: t('nhắc trước hạn bao nhiêu ngày, cách nhau bởi dấu phẩy (ngày đến hạn luôn nhắc)', 'days before the due date to remind, comma-separated (the due date always reminds)'), check: (v) => (v.trim() ? dayList(v) : '') },
  { key: 'remind.firstAfterDays', defaultValue: '1', description: t('nhắc lần đầu sau hạn bao nhiêu ngày', 'first reminder this many days after the due date'), check: days(1, 365) },
  { key: 'remind.repeatAfterDays', defaultValue: '7', description: t('sau đó nhắc lại mỗi bao nhiêu ngày khi còn quá hạn (0: không nhắc lại)', 'then again every this many days while overdue (0: never again)'), check: days(0, 365) },
  { key: 'remind.ccCoordinating', defaultValue: 'on', description: t('gửi đồng thời (Cc) cho đơn vị phối hợp: on/off', 'Cc the coordinating units: on/off'), check: onOff },
  { key: 'remind.meetingDaysAhead', defaultValue: '7', description: t('với --before-meeting: nhiệm vụ đến hạn trong bao nhiêu ngày sau buổi giao ban', 'with --before-meeting: tasks due up to this many days after the meeting'), check: days(0, 365) },
  { key: 'office.email', defaultValue: '', description: t('thư điện tử của Văn phòng Sở: nhận bản sao (Cc) mọi thư nhắc việc', 'the office\'s e-mail: Cc of every reminder'), check: email },
  { key: 'mail.from', defaultValue: '', description: t('địa chỉ gửi thư nhắc việc (để trống: dùng office.email)', 'sender address of reminders (blank: office.email)'), check: email },
  { key: 'mail.senderName', defaultValue: 'Văn phòng Sở', description: t('tên người gửi hiển thị', 'sender display name'), check: senderName },
  { key: 'mail.signature', defaultValue: 'Văn phòng Sở', description: t('chữ ký cuối thư; xuống dòng viết \\n', 'signature at the end of each message; "\\n" for a new line'), check: signature },
  { key: 'mail.smtpUrl', defaultValue: '', description: t('máy chủ thư, smtp://tài-khoản:mật-khẩu@máy-chủ:587 (TASKS_SMTP_URL được ưu tiên; để trống: ghi vào hộp thư đi)', 'mail server URL (TASKS_SMTP_URL wins; blank: write to the outbox)'), check: checkSmtpUrl, mask: maskSmtpUrl },
];
