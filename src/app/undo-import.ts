/**
 * `tasks import --undo SOURCE`: removes what an import created, as long as nobody has worked on
 * it yet. Once a task has a progress note, an extension or a completion, it is part of the
 * record and the import stays.
 */
import { deleteImport, findSourceById, findSourceByNumberForImport, importFootprint, sourceUsedElsewhere } from '../db/import-repository.js';
import { ConflictError, NotFoundError, t } from '../domain/errors.js';
import { cleanLine } from '../domain/text.js';
import { audit, inTransaction, type Context } from './context.js';

export interface UndoResult {
  sourceId: number;
  number: string | null;
  tasks: number;
  directives: number;
  /** Reminder-log rows removed with the tasks; the reminders sent stay in the audit trail. */
  reminders: number;
}

export async function undoImport(ctx: Context, reference: string): Promise<UndoResult> {
  const ref = cleanLine(reference);
  return inTransaction(ctx, async (trx) => {
    const byId = /^#?\d+$/.test(ref) ? await findSourceById(trx.db, Number(ref.replace('#', ''))) : null;
    const source = byId ?? (await findSourceByNumberForImport(trx.db, ref));
    if (!source || source.importedAt === null) {
      throw new NotFoundError(
        t(`không có văn bản đã nhập "${ref}"`, `no imported source "${ref}"`),
        t('nêu số văn bản (ví dụ 84/TB-SNgV) hoặc mã nguồn #N in ra khi nhập', 'give the number (e.g. 84/TB-SNgV) or the #N printed by the import'),
      );
    }
    const footprint = await importFootprint(trx.db, source.id);
    if (footprint.taskIdsWithHistory.length) {
      const ids = footprint.taskIdsWithHistory.slice(0, 5).join(', ');
      throw new ConflictError(
        t(`không hủy được: nhiệm vụ ${ids} đã có tiến độ, gia hạn hoặc hoàn thành`, `cannot undo: task(s) ${ids} have progress, an extension or a completion`),
        t('dừng từng nhiệm vụ không còn cần bằng "tasks cancel ID --reason ..."', 'cancel the tasks no longer needed with "tasks cancel ID --reason ..."'),
      );
    }
    const keepSource = await sourceUsedElsewhere(trx.db, source.id, footprint);
    await deleteImport(trx.db, source.id, footprint, !keepSource);
    await audit(trx, 'source.undo-import', {}, { source: source.id, number: source.number, tasks: footprint.taskIds, series: footprint.seriesIds, reminders: footprint.reminders });
    return { sourceId: source.id, number: source.number, tasks: footprint.taskIds.length, directives: footprint.directiveIds.length, reminders: footprint.reminders };
  });
}
