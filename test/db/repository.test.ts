import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/connect.js';
import { ON_POSTGRES } from '../helpers/backend.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { openSqlite } from '../../src/db/connect.js';
import { insertSeries, findSeriesDue } from '../../src/db/series-repository.js';
import { findTaskById, insertTask, listTasks } from '../../src/db/task-repository.js';
import { insertUnit, loadRegistry, saveGroup } from '../../src/db/unit-repository.js';
import { DatabaseError } from '../../src/domain/errors.js';
import { fold } from '../../src/domain/text.js';

let opened: OpenedDatabase;
const stamp = '2026-11-20T01:00:00.000Z';

function row(text: string, lead: number | null, extra: Record<string, unknown> = {}) {
  return { text, text_folded: fold(text), lead_unit_id: lead, ongoing: 0, assigned_on: '2026-01-05', created_at: stamp, updated_at: stamp, original_due_on: '2026-03-01', due_on: '2026-03-01', ...extra };
}

beforeEach(async () => {
  opened = await openTestDatabase();
});
afterEach(async () => {
  await opened.close();
});

describe('a fresh migrated database', () => {
  it('keeps units, aliases and groups in registry order', async () => {
    const vp = await insertUnit(opened.db, { code: 'VP', name: 'Văn phòng Sở', aliases: ['Văn phòng'], head: 'Chánh Văn phòng', email: 'vp@so.example.vn', active: true });
    const ls = await insertUnit(opened.db, { code: 'LS', name: 'Phòng Lãnh sự', aliases: [], head: null, email: null, active: true });
    await saveGroup(opened.db, { name: 'một cửa', aliases: ['bộ phận một cửa'], memberIds: [ls, vp] });
    const registry = await loadRegistry(opened.db);
    expect(registry.units.map((u) => u.code)).toEqual(['VP', 'LS']);
    expect(registry.units[0].aliases).toEqual(['Văn phòng']);
    expect(registry.groups[0]).toMatchObject({ name: 'một cửa', aliases: ['bộ phận một cửa'], members: ['LS', 'VP'] });
  });

  it('lists by lead, search without diacritics, and as-of assignment day', async () => {
    const vp = await insertUnit(opened.db, { code: 'VP', name: 'Văn phòng Sở', aliases: [], head: null, email: null, active: true });
    const ls = await insertUnit(opened.db, { code: 'LS', name: 'Phòng Lãnh sự', aliases: [], head: null, email: null, active: true });
    const a = await insertTask(opened.db, row('Rà soát thủ tục hành chính 100%_xong', vp), [ls]);
    await insertTask(opened.db, row('Cập nhật Trang thông tin điện tử', ls, { assigned_on: '2026-06-01' }), []);
    expect((await listTasks(opened.db, { asOf: '2026-12-31', leadUnitIds: [vp] })).map((t) => t.id)).toEqual([a]);
    expect((await listTasks(opened.db, { asOf: '2026-12-31', searchWords: ['thu tuc'] })).map((t) => t.id)).toEqual([a]);
    expect((await listTasks(opened.db, { asOf: '2026-12-31', searchWords: ['100%_'] })).map((t) => t.id)).toEqual([a]);
    expect(await listTasks(opened.db, { asOf: '2026-12-31', searchWords: ['0%x'] })).toEqual([]);
    expect((await listTasks(opened.db, { asOf: '2026-05-31' })).map((t) => t.id)).toEqual([a]);
    const task = await findTaskById(opened.db, a);
    expect(task?.coordinating).toEqual([{ code: 'LS', name: 'Phòng Lãnh sự' }]);
    expect(task?.lead).toEqual({ code: 'VP', name: 'Văn phòng Sở' });
  });

  it('allows one occurrence per series and period', async () => {
    const vp = await insertUnit(opened.db, { code: 'VP', name: 'Văn phòng Sở', aliases: [], head: null, email: null, active: true });
    const series = await insertSeries(opened.db, { text: 'Báo cáo tháng', leadUnitId: vp, coordinatorIds: [], every: 'month', day: null, startsOn: '2026-01-05', untilOn: null, nextPeriodOn: '2026-01-01', sourceId: null, directiveId: null }, stamp);
    expect((await findSeriesDue(opened.db, '2026-01-01')).map((s) => s.id)).toEqual([series]);
    expect(await findSeriesDue(opened.db, '2025-12-31')).toEqual([]);
    await insertTask(opened.db, row('Báo cáo tháng', vp, { series_id: series, period: '2026-01' }), []);
    await expect(insertTask(opened.db, row('Báo cáo tháng', vp, { series_id: series, period: '2026-01' }), [])).rejects.toThrow(/UNIQUE|duplicate key/);
  });
});

describe.skipIf(ON_POSTGRES)('opening SQLite files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-db-'));
  });

  it('refuses a file that is not a database, and one holding other tables', async () => {
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'đây không phải cơ sở dữ liệu\n'.repeat(100));
    await expect(openSqlite(text, { create: false })).rejects.toThrow(DatabaseError);
    const foreign = path.join(dir, 'foreign.db');
    const other = new Sqlite(foreign);
    other.exec('create table contacts (name text)');
    other.close();
    await expect(openSqlite(foreign, { create: false })).rejects.toThrow(/không phải là cơ sở dữ liệu/);
  });

  it('refuses a database written by a newer schema', async () => {
    const file = path.join(dir, 'newer.db');
    (await openSqlite(file, { create: true })).close();
    const raw = new Sqlite(file);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01-future', '2099-01-01')").run();
    raw.close();
    await expect(openSqlite(file, { create: false })).rejects.toThrow(/phiên bản tasks mới hơn/);
  });

  it('does not create a named file unless asked', async () => {
    const file = path.join(dir, 'typo.db');
    await expect(openSqlite(file, { create: false })).rejects.toThrow(/không có cơ sở dữ liệu/);
    expect(fs.existsSync(file)).toBe(false);
  });
});
