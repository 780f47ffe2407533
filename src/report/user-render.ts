/** `tasks user list`: the people of a shared tracker and their roles. */
import { ROLE_NAMES, type Person } from '../domain/roles.js';
import { painter, safe, table, type RenderOptions } from './terminal.js';

export function userJson(p: Person) {
  return { login: p.login, name: p.name, role: p.role, unit: p.unit?.code ?? null, ...(p.email ? { email: p.email } : {}) };
}

export function renderUsers(people: Person[], options: RenderOptions): string {
  const { lang } = options;
  if (!options.tty) return people.map((p) => [p.login, safe(p.name), p.role, p.unit?.code ?? ''].join('\t')).join('\n') + (people.length ? '\n' : '');
  if (people.length === 0) {
    return lang === 'en'
      ? 'No users yet: single-user mode, whoever runs tasks acts as the office.\n'
      : 'Chưa có người dùng: chế độ một người dùng, ai chạy tasks cũng là văn phòng.\n';
  }
  const paint = painter(options);
  const heads = lang === 'en' ? ['Login', 'Name', 'Role', 'Unit'] : ['Tên đăng nhập', 'Họ tên', 'Vai trò', 'Đơn vị'];
  const t = table(heads.map((h) => paint.bold(h)), [16, 16, 24], options.width);
  for (const p of people) t.push([p.login, safe(p.name), ROLE_NAMES[p.role][lang], p.unit ? `${p.unit.code} (${safe(p.unit.name)})` : '']);
  return `${t.toString()}\n`;
}
