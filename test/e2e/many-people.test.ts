/**
 * Many people at once on one database: twenty processes marking tasks done and adding progress
 * notes at the same moment lose nothing, and two reminder runs never send a reminder twice. Real
 * processes, on SQLite here and on PostgreSQL in the postgres project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { runAsync } from '../helpers/spawn-cli.js';

let w: Workspace;

beforeAll(() => {
  w = workspace('2026-11-20');
  expect(w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
  for (let i = 1; i <= 15; i++) {
    expect(w.run(['add', `Nhiệm vụ thứ ${i}`, '--unit', i % 2 ? 'VP' : 'HTQT', '--due', '2026-11-18', '--source', '5/TB-SNgV', '--issued', '2026-11-02']).code).toBe(0);
  }
});

describe('twenty processes at once', () => {
  it('every completion and every progress note is kept, each with its audit entry', async () => {
    const auditBefore = w.sql<{ n: number | string }>('select count(*) as n from audit_event')[0].n;
    const runs = Array.from({ length: 20 }, (_, i) =>
      i < 10
        ? runAsync(w, ['done', String(i + 1), '--evidence', `${i + 1}/BC`], { TASKS_USER: `nguoi-${i}` })
        : runAsync(w, ['progress', String(11 + (i % 5)), `Ghi chú số ${i}`], { TASKS_USER: `nguoi-${i}` }),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r.code, r.stderr).toBe(0);

    const tasks = w.json<{ id: number; completedOn: string | null; evidence: string | null }[]>(['list']);
    for (let id = 1; id <= 10; id++) expect(tasks.find((t) => t.id === id)).toMatchObject({ completedOn: '2026-11-20', evidence: `${id}/BC` });
    const notes = w.sql<{ task_id: number; note: string; author: string }>('select task_id, note, author from progress_note order by task_id, note');
    expect(notes).toHaveLength(10);
    expect(new Set(notes.map((n) => n.note)).size).toBe(10);
    for (const n of notes) expect(n.task_id).toBe(11 + (Number(n.note.split(' ').at(-1)) % 5));
    const auditAfter = w.sql<{ n: number | string }>('select count(*) as n from audit_event')[0].n;
    expect(Number(auditAfter) - Number(auditBefore)).toBe(20);
  });

  it('two remind runs at the same moment write each reminder once', async () => {
    expect(w.run(['config', 'set', 'office.email', 'vanphong@so.example.vn']).code).toBe(0);
    const outbox = path.join(w.dir, 'thu-nhac');
    const [a, b] = await Promise.all([runAsync(w, ['remind', '--outbox', outbox]), runAsync(w, ['remind', '--outbox', outbox])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const rows = w.sql<{ task_id: number; kind: string; recipient: string; role: string; result: string }>('select task_id, kind, recipient, role, result from reminder');
    expect(rows.length).toBeGreaterThan(0);
    const keys = rows.map((r) => `${r.task_id}|${r.kind}|${r.recipient}`);
    expect(new Set(keys).size).toBe(keys.length);
    // One message per unit with something to remind, whichever run wrote it.
    const files = fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    const units = new Set(rows.filter((r) => r.result === 'sent' && r.role === 'to').map((r) => r.recipient));
    expect(units.size).toBeGreaterThan(1);
    expect(files.length).toBe(units.size);
  });
});
