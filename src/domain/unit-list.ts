/**
 * The unit list file (the format of reference/units-so-ngoai-vu.json): checked whole before
 * anything is written, so a bad file changes nothing.
 */
import { MAX_UNIT_NAME } from './limits.js';
import { ValidationError, t } from './errors.js';
import { cleanLine, fold } from './text.js';

export interface UnitEntry {
  code: string;
  name: string;
  aliases: string[];
  head: string | null;
  email: string | null;
}

export interface GroupEntry {
  name: string;
  aliases: string[];
  /** null for "all". */
  members: string[] | null;
}

export interface UnitList {
  organization: string | null;
  units: UnitEntry[];
  groups: GroupEntry[];
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;
// Đ is a letter of its own in Vietnamese codes (TCĐT: Tin học và Chuyển đổi số); other marks are not used in codes.
const CODE = /^[A-Za-zĐđ0-9_.-]{1,20}$/;

function bad(vi: string, en: string): ValidationError {
  return new ValidationError(t(`danh sách đơn vị không hợp lệ: ${vi}`, `invalid unit list: ${en}`), t('xem mẫu trong data/units-sample.json', 'see the sample in data/units-sample.json'));
}

function text(value: unknown, where: string, max = MAX_UNIT_NAME): string {
  if (typeof value !== 'string' || !cleanLine(value)) throw bad(`${where} phải là chuỗi ký tự không rỗng`, `${where} must be a non-empty string`);
  const clean = cleanLine(value);
  if (clean.length > max) throw bad(`${where} dài ${clean.length} ký tự, tối đa ${max}`, `${where} is ${clean.length} characters long, at most ${max}`);
  return clean;
}

function optionalText(value: unknown, where: string, max = MAX_UNIT_NAME): string | null {
  if (value === undefined || value === null || value === '') return null;
  return text(value, where, max);
}

/** The organisation line of a unit list may describe the whole office (its province, its parent): longer than a unit's name. */
const MAX_ORGANIZATION = 2000;

function list(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw bad(`${where} phải là một mảng`, `${where} must be an array`);
  return value.map((v, i) => text(v, `${where}[${i}]`));
}

export function checkEmail(email: string | null, where: string): string | null {
  if (email !== null && !EMAIL.test(email)) throw bad(`${where} "${email}" không phải địa chỉ thư điện tử`, `${where} "${email}" is not an e-mail address`);
  return email;
}

export function checkCode(code: string, where: string): string {
  if (!CODE.test(code)) throw bad(`${where} "${code}" chỉ gồm chữ không dấu (và Đ), số, dấu gạch (tối đa 20 ký tự)`, `${where} "${code}" may hold only ASCII letters (and Đ), digits and dashes (20 at most)`);
  return code.toUpperCase();
}

export function parseUnitList(content: string): UnitList {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\ufeff/, ''));
  } catch (error) {
    throw bad(`không đọc được JSON (${(error as Error).message})`, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { units?: unknown }).units)) {
    throw bad('thiếu mảng "units"', 'no "units" array');
  }
  const raw = data as { organization?: unknown; units: unknown[]; groups?: unknown };
  const units = raw.units.map((u, i): UnitEntry => {
    const where = `units[${i}]`;
    if (typeof u !== 'object' || u === null) throw bad(`${where} phải là một đối tượng`, `${where} must be an object`);
    const o = u as Record<string, unknown>;
    return {
      code: checkCode(text(o.code, `${where}.code`), `${where}.code`),
      name: text(o.name, `${where}.name`),
      aliases: list(o.aliases, `${where}.aliases`),
      head: optionalText(o.head, `${where}.head`),
      email: checkEmail(optionalText(o.email, `${where}.email`), `${where}.email`),
    };
  });
  if (units.length === 0) throw bad('mảng "units" rỗng', 'the "units" array is empty');
  const codes = new Set<string>();
  for (const u of units) {
    if (codes.has(u.code)) throw bad(`mã đơn vị "${u.code}" lặp lại`, `unit code "${u.code}" appears twice`);
    codes.add(u.code);
  }
  const groupsRaw = raw.groups ?? [];
  if (!Array.isArray(groupsRaw)) throw bad('"groups" phải là một mảng', '"groups" must be an array');
  const groups = groupsRaw.map((g, i): GroupEntry => {
    const where = `groups[${i}]`;
    if (typeof g !== 'object' || g === null) throw bad(`${where} phải là một đối tượng`, `${where} must be an object`);
    const o = g as Record<string, unknown>;
    let members: string[] | null;
    if (o.members === 'all') members = null;
    else {
      members = list(o.members, `${where}.members`).map((c) => c.toUpperCase());
      const unknown = members.find((c) => !codes.has(c));
      if (unknown) throw bad(`${where}.members có mã "${unknown}" không có trong "units"`, `${where}.members names "${unknown}", which is not in "units"`);
    }
    return { name: text(o.name, `${where}.name`), aliases: list(o.aliases, `${where}.aliases`), members };
  });
  checkNamesUnique(units, groups);
  return { organization: optionalText(raw.organization, 'organization', MAX_ORGANIZATION), units, groups };
}

/** A name or alias that stands for two units would make every lookup ambiguous. */
export function checkNamesUnique(units: UnitEntry[], groups: GroupEntry[]): void {
  const owner = new Map<string, string>();
  const claim = (name: string, who: string) => {
    const key = fold(name);
    const previous = owner.get(key);
    if (previous !== undefined && previous !== who) {
      throw bad(`tên "${name}" dùng cho cả ${previous} và ${who}`, `the name "${name}" is used by both ${previous} and ${who}`);
    }
    owner.set(key, who);
  };
  for (const u of units) for (const n of [u.code, u.name, ...u.aliases]) claim(n, u.code);
  for (const g of groups) for (const n of [g.name, ...g.aliases]) claim(n, g.name);
}
