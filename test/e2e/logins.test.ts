/**
 * Logins have one spelling (NFC, lower case, trimmed): "VanThu", "vanthu" and the NFD form are
 * one user. A login with control or escape characters, or letters of two scripts (a Cyrillic
 * "а" among Latin ones), is refused in one line, the database unchanged, nothing echoed raw.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace } from '../helpers/cli.js';
import { expectRefused, type Tally } from '../helpers/refusal.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const tally: Tally = { tried: 0 };

describe('logins', () => {
  it('"VanThu", " vanthu" and the NFD form are one user', () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    const nfd = 'thư.vp'.normalize('NFD');
    expect(nfd).not.toBe('thư.vp');
    const added = ws.run(['user', 'add', 'Nguyễn Văn Thư', '--login', 'VanThu', '--role', 'office'], { env: { TASKS_USER: 'VanThu' } });
    expect(added.code, added.stderr).toBe(0);
    expect(ws.sql<{ login: string }>('select login from person order by id')).toEqual([{ login: 'vanthu' }]);
    for (const spelling of ['vanthu', ' VANTHU ', 'VanThu']) {
      const listed = ws.run(['user', 'list', '--json'], { env: { TASKS_USER: spelling } });
      expect(listed.code, `${spelling}: ${listed.stderr}`).toBe(0);
    }
    expect(ws.run(['user', 'add', 'Trần Thư', '--login', nfd, '--role', 'viewer'], { env: { TASKS_USER: 'vanthu' } }).code).toBe(0);
    // The NFD spelling is the NFC user: acting under it works, adding it again is refused.
    expect(ws.run(['user', 'list'], { env: { TASKS_USER: nfd } }).code).toBe(0);
    expectRefused(ws, ['user', 'add', 'Trần Thư', '--login', 'THƯ.VP', '--role', 'viewer'], tally, { env: { TASKS_USER: 'vanthu' } });
    expect(ws.sql<{ login: string }>('select login from person order by id')).toEqual([{ login: 'vanthu' }, { login: 'thư.vp' }]);
  });

  it('a login with escapes, control characters or mixed scripts is refused in one line, nothing echoed raw', () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    expect(ws.run(['user', 'add', 'Văn phòng', '--login', 'chuyenvien.vp', '--role', 'office']).code).toBe(0);
    for (const login of ['van\u001b[31mthu', 'van\u0007thu', 'v\u0430nthu' /* Cyrillic а */, 'van\u200bthu', 'van thu', 'αbc.vp']) {
      const line = expectRefused(ws, ['user', 'add', 'Kẻ mạo danh', '--login', login, '--role', 'office'], tally);
      expect(line).toMatch(/tên đăng nhập không hợp lệ/);
    }
    const list = ws.run(['user', 'list']);
    expect(list.stdout).not.toMatch(/\u001b/);
  });
});
