/**
 * A .docx as mammoth renders it to HTML → text. Word numbers lists itself, so the numbers are
 * not in the text; they are written back here ("1.", "a)", "(1)" by depth; "-", "+" for
 * bullets) for the item splitter to see the structure the reader sees. A table of tasks ("STT |
 * Nội dung | Chủ trì | Phối hợp | Thời hạn") becomes one numbered item a row with its fields.
 */
import { fold } from '../domain/text.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function marker(kind: 'ol' | 'ul', depth: number, n: number): string {
  if (kind === 'ul') return depth % 2 === 0 ? '-' : '+';
  if (depth % 3 === 0) return `${n}.`;
  if (depth % 3 === 1) return `${String.fromCharCode(96 + Math.min(n, 26))})`;
  return `(${n})`;
}

type Role = 'number' | 'content' | 'lead' | 'coordinating' | 'due';

const ROLES: [RegExp, Role][] = [
  [/^(?:stt|tt|so tt|so thu tu)$/, 'number'],
  [/phoi hop/, 'coordinating'],
  [/chu tri|thuc hien|don vi|co quan/, 'lead'],
  [/thoi han|han|tien do|thoi gian/, 'due'],
  [/noi dung|nhiem vu|cong viec|y kien/, 'content'],
];

const FIELDS: Partial<Record<Role, string>> = { lead: 'Chủ trì', coordinating: 'Phối hợp', due: 'Thời hạn' };

/** Rows of a table as text: items with fields when its header names the columns, else cells in a line. */
function tableText(rows: string[][]): string {
  const header = (rows[0] ?? []).map((cell) => ROLES.find(([p]) => p.test(fold(cell)))?.[1] ?? null);
  if (!header.includes('content') || !header.some((r) => r === 'lead' || r === 'due')) return rows.map((r) => r.join(' ')).join('\n');
  return rows
    .slice(1)
    .map((row, i) => {
      const value = (role: Role) => row[header.indexOf(role)]?.trim() ?? '';
      const number = value('number').replace(/\.$/, '') || String(i + 1);
      const content = value('content').replace(/[.;]$/, '');
      if (!content) return '';
      const fields = (['lead', 'coordinating', 'due'] as const).filter((r) => value(r)).map((r) => `${FIELDS[r]}: ${value(r)}`);
      return `${number}. ${content}.${fields.length ? ` ${fields.join('; ')}.` : ''}`;
    })
    .filter(Boolean)
    .join('\n');
}

export function textFromDocxHtml(html: string): string {
  const lists: { kind: 'ol' | 'ul'; n: number }[] = [];
  let table: string[][] | null = null;
  let cell: string | null = null;
  let out = '';
  const newline = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    if (m[3] !== undefined) {
      if (cell !== null) cell += decode(m[3]);
      else out += decode(m[3]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'table') {
      if (!closing) table = [];
      else if (table) {
        newline();
        out += `${tableText(table)}\n`;
        table = null;
      }
    } else if (table && tag === 'tr' && !closing) table.push([]);
    else if (table && (tag === 'td' || tag === 'th')) {
      if (!closing) cell = '';
      else {
        table.at(-1)?.push((cell ?? '').replace(/\s+/g, ' ').trim());
        cell = null;
      }
    } else if (cell !== null) {
      if (tag === 'p' || tag === 'br' || tag === 'li') cell += ' ';
    } else if (tag === 'ol' || tag === 'ul') {
      newline();
      if (closing) lists.pop();
      else lists.push({ kind: tag, n: 0 });
    } else if (tag === 'li' && !closing) {
      newline();
      const list = lists.at(-1);
      if (list) {
        list.n += 1;
        out += `${marker(list.kind, lists.length - 1, list.n)} `;
      }
    } else if (tag === 'br' || (closing && /^(?:p|h[1-6]|li)$/.test(tag))) newline();
  }
  return out.replace(/\n+$/, '');
}
