/** `tasks config`: defaults, set/get/unset, validation, and the audit trail. */
import { describe, expect, test } from 'vitest';
import { workspace } from '../helpers/cli.js';

describe('tasks config', () => {
  test('lists every key with its Vietnamese default', () => {
    const ws = workspace();
    ws.run(['init']);
    const list = ws.json<{ key: string; value: string; default: boolean }[]>(['config', 'list']);
    const byKey = Object.fromEntries(list.map((s) => [s.key, s]));
    expect(byKey['org.parent']).toEqual({ key: 'org.parent', value: '', default: true });
    expect(byKey['org.name'].value).toBe('VĂN PHÒNG');
    expect(byKey['report.symbol'].value).toBe('BC-VP');
    expect(byKey['report.signerTitle'].value).toBe('CHÁNH VĂN PHÒNG');
    expect(byKey['report.number'].value).toBe('');
  });

  test('set, get and unset, each change in the audit trail', () => {
    const ws = workspace();
    expect(ws.run(['config', 'set', 'org.place', '  Bình   Định ']).code).toBe(0);
    expect(ws.run(['config', 'get', 'org.place']).stdout).toBe('Bình Định\n');
    expect(ws.json(['config', 'get', 'org.place'])).toEqual({ key: 'org.place', value: 'Bình Định', default: false });
    // Setting the same value again changes nothing and records nothing.
    ws.run(['config', 'set', 'org.place', 'Bình Định']);
    expect(ws.run(['config', 'unset', 'org.place']).code).toBe(0);
    expect(ws.run(['config', 'get', 'org.place']).stdout).toBe('Quảng Hòa\n');
    const events = ws.sql<{ actor: string; action: string; detail: string }>("select actor, action, detail from audit_event where action like 'config.%' order by id");
    expect(events.map((e) => [e.actor, e.action, JSON.parse(e.detail)])).toEqual([
      ['chuyenvien.vp', 'config.set', { key: 'org.place', before: null, after: 'Bình Định', asOf: '2026-11-20' }],
      ['chuyenvien.vp', 'config.unset', { key: 'org.place', before: 'Bình Định', asOf: '2026-11-20' }],
    ]);
  });

  test.each([
    [['config', 'set', 'org.nam', 'X'], 'không có khóa cấu hình "org.nam"'],
    [['config', 'get', 'nope'], 'không có khóa cấu hình'],
    [['config', 'set', 'report.number', '12a'], 'số văn bản chỉ gồm chữ số'],
    [['config', 'set', 'report.symbol', 'BC VP'], 'ký hiệu văn bản không hợp lệ'],
    [['config', 'set', 'org.name', '   '], 'không được để trống'],
    [['config', 'set', 'org.place', 'x'.repeat(61)], 'dài quá 60'],
    [['config', 'set', 'report.recipients', ' ; ; '], 'danh sách nơi nhận trống'],
  ])('%j is refused with exit 1 and nothing written', (args, message) => {
    const ws = workspace();
    ws.run(['init']);
    const before = ws.snapshot();
    const r = ws.run(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(ws.snapshot()).toBe(before);
  });

  test('the HTML report uses the configured names', () => {
    const ws = workspace('2026-12-02');
    ws.run(['config', 'set', 'org.parent', 'UBND TỈNH QUẢNG HÒA']);
    ws.run(['config', 'set', 'org.name', 'Sở Ngoại vụ']);
    ws.run(['config', 'set', 'report.signerAuthority', 'KT. GIÁM ĐỐC']);
    ws.run(['config', 'set', 'report.signerTitle', 'PHÓ GIÁM ĐỐC']);
    ws.run(['config', 'set', 'report.symbol', 'BC-SNgV']);
    const html = ws.run(['digest', '--month', '2026-11', '--format', 'html']).stdout;
    expect(html).toContain('UBND TỈNH QUẢNG HÒA');
    expect(html).toContain('Sở Ngoại vụ');
    expect(html).toContain('KT. GIÁM ĐỐC');
    expect(html).toContain('PHÓ GIÁM ĐỐC');
    expect(html).toContain('/BC-SNgV');
    expect(html).toContain('Quảng Hòa, ngày 02 tháng 12 năm 2026');
  });
});
