/**
 * Logins: one person, one spelling. "VanThu", "vanthu " and the NFD form of "thư.vp" are the
 * same login (NFC, lower case, trimmed); a login with control or escape characters, inner
 * spaces, or letters of two scripts (a Cyrillic "а" among Latin letters, which looks the same)
 * is refused, so nobody can register a look-alike of someone else.
 */
import { ValidationError, t } from './errors.js';

/** The one spelling of a login, as stored and as compared. */
export function normaliseLogin(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Han', /\p{Script=Han}/u],
];

function scriptOf(letter: string): string {
  return SCRIPTS.find(([, pattern]) => pattern.test(letter))?.[0] ?? 'other';
}

/** The normalised login, or a refusal naming what is wrong with it (the value itself is not echoed raw). */
export function checkLogin(text: string): string {
  const login = normaliseLogin(text);
  const refuse = (vi: string, en: string) =>
    new ValidationError(t(`tên đăng nhập không hợp lệ: ${vi}`, `bad login: ${en}`), t('tên đăng nhập là TASKS_USER hoặc tên người dùng máy tính, không có dấu cách, ví dụ binh.htqt', 'the login is TASKS_USER or the operating-system user name, without spaces, e.g. binh.htqt'));
  if (!login) throw refuse('để trống', 'empty');
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(login)) throw refuse('có ký tự điều khiển', 'it holds control characters');
  if (/\s/u.test(login)) throw refuse('có dấu cách', 'it holds spaces');
  if (login.length > 100) throw refuse('dài quá 100 ký tự', 'longer than 100 characters');
  const scripts = new Set([...login].filter((c) => /\p{L}/u.test(c)).map(scriptOf));
  if (scripts.size > 1) throw refuse(`trộn chữ của nhiều bảng chữ cái (${[...scripts].join(', ')})`, `it mixes scripts (${[...scripts].join(', ')})`);
  return login;
}
