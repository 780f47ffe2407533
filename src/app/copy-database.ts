/**
 * `tasks db copy`: a whole tracker from one database to another (SQLite ↔ PostgreSQL), in one
 * transaction on the target. Ids are kept, so task numbers people have written down stay true.
 * The target must be empty; every table is counted on both sides before the commit, and any
 * difference undoes the copy.
 */
import type { Db } from '../db/connect.js';
import { analyzeCopy, countRows, moveSequencePast, readRows, TABLES, writeRows } from '../db/copy-repository.js';
import type { TableCount } from '../report-model/copy.js';
import { recordAudit } from '../db/audit-repository.js';
import { findActing } from '../db/person-repository.js';
import { AccessError, ConflictError, DatabaseError, t } from '../domain/errors.js';
import { checkOffice } from '../domain/roles.js';

/** Once people are registered in the source, only an office user may copy it whole. */
export async function checkCopier(from: Db, actor: string): Promise<void> {
  const { people, person } = await findActing(from, actor);
  if (people === 0) return;
  if (person === null) throw new AccessError(t(`"${actor}" chưa là người dùng của cơ sở dữ liệu nguồn`, `"${actor}" is not a user of the source database`));
  checkOffice(person, t('chép toàn bộ cơ sở dữ liệu', 'copy the whole database'));
}

/** The source's own trail says who copied it where. */
export async function recordCopy(from: Db, actor: string, to: string, counts: TableCount[]): Promise<void> {
  await from.transaction().execute((trx) =>
    recordAudit(trx, {
      at: new Date().toISOString(),
      actor,
      action: 'db.copy',
      taskId: null,
      unitId: null,
      detail: { to, tasks: counts.find((c) => c.table === 'task')?.source ?? 0 },
    }),
  );
}

export async function copyDatabase(from: Db, to: Db): Promise<TableCount[]> {
  // The source is read in one transaction too, so a change made meanwhile is copied whole or not at all.
  const counts = await from
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((source) =>
      to.transaction().execute(async (target) => {
        const busy: string[] = [];
        for (const table of TABLES) if ((await countRows(target, table.name)) > 0) busy.push(table.name);
        if (busy.length) {
          throw new ConflictError(
            t(`cơ sở dữ liệu đích đã có dữ liệu (${busy.join(', ')}); tasks db copy chỉ chép vào cơ sở dữ liệu trống`, `the target database already holds data (${busy.join(', ')}); tasks db copy only copies into an empty one`),
            t('tạo một cơ sở dữ liệu mới làm đích', 'make a new database as the target'),
          );
        }
        for (const table of TABLES) {
          for await (const rows of readRows(source, table)) await writeRows(target, table.name, rows);
          if (table.id) await moveSequencePast(target, table.name);
        }
        const counts: TableCount[] = [];
        for (const table of TABLES) counts.push({ table: table.name, source: await countRows(source, table.name), target: await countRows(target, table.name) });
        const wrong = counts.filter((c) => c.source !== c.target);
        if (wrong.length) {
          throw new DatabaseError(
            t(`số dòng không khớp sau khi chép: ${wrong.map((c) => `${c.table} ${c.source}≠${c.target}`).join(', ')}; đích không thay đổi`, `row counts differ after the copy: ${wrong.map((c) => `${c.table} ${c.source}≠${c.target}`).join(', ')}; the target was left unchanged`),
          );
        }
        return counts;
      }),
    );
  await analyzeCopy(to);
  return counts;
}
