/**
 * Which changes a task's present state allows. The state here is the stored one (what is true
 * now), not the as-of view: a task cancelled yesterday cannot be completed today.
 */
import { dueInForce } from './status.js';
import { addDays, formatDate, type IsoDate } from './dates.js';
import { ConflictError, ValidationError, t } from './errors.js';
import type { Task } from './task.js';

function refuseIfClosed(task: Task, action: { vi: string; en: string }): void {
  if (task.cancelledOn !== null) {
    throw new ConflictError(
      t(`nhiệm vụ ${task.id} đã dừng thực hiện, không thể ${action.vi}`, `task ${task.id} is cancelled; cannot ${action.en}`),
      t(`mở lại trước: tasks reopen ${task.id}`, `reopen it first: tasks reopen ${task.id}`),
    );
  }
  if (task.completedOn !== null) {
    throw new ConflictError(
      t(`nhiệm vụ ${task.id} đã hoàn thành ngày ${formatDate(task.completedOn)}, không thể ${action.vi}`, `task ${task.id} was completed on ${task.completedOn}; cannot ${action.en}`),
      t(`mở lại trước: tasks reopen ${task.id}`, `reopen it first: tasks reopen ${task.id}`),
    );
  }
}

export function checkProgress(task: Task): void {
  refuseIfClosed(task, t('ghi tiến độ', 'record progress'));
}

export function checkCompletion(task: Task, on: IsoDate, today: IsoDate): void {
  refuseIfClosed(task, t('đánh dấu hoàn thành lần nữa', 'complete it again'));
  if (on > today) {
    throw new ValidationError(
      t(`ngày hoàn thành ${formatDate(on)} sau ngày hôm nay ${formatDate(today)}`, `completion date ${on} is after today ${today}`),
      t('chỉ ghi nhận việc đã hoàn thành; bỏ --on để lấy ngày hôm nay', 'record only work already done; omit --on for today'),
    );
  }
  if (on < task.assignedOn) {
    throw new ValidationError(
      t(`ngày hoàn thành ${formatDate(on)} trước ngày giao ${formatDate(task.assignedOn)}`, `completion date ${on} is before the assignment date ${task.assignedOn}`),
      t('kiểm tra lại --on', 'check --on'),
    );
  }
}

/** An extension is granted on or before the due date it replaces, to a later date. */
export function checkExtension(task: Task, to: IsoDate, today: IsoDate): IsoDate {
  refuseIfClosed(task, t('gia hạn', 'extend it'));
  const current = dueInForce(task, today);
  if (task.ongoing || current === null) {
    throw new ConflictError(
      t(`nhiệm vụ ${task.id} không có hạn xử lý để gia hạn`, `task ${task.id} has no due date to extend`),
      t(`đặt hạn bằng: tasks edit ${task.id} --due NGÀY`, `set one with: tasks edit ${task.id} --due DATE`),
    );
  }
  if (today > current) {
    throw new ConflictError(
      t(`nhiệm vụ ${task.id} đã quá hạn từ ${formatDate(addDays(current, 1))}; gia hạn phải được cho phép trước hoặc trong ngày hết hạn ${formatDate(current)}`, `task ${task.id} has been overdue since ${addDays(current, 1)}; an extension must be granted on or before the due date ${current}`),
      t('nhiệm vụ này được tính là quá hạn; hoàn thành nó bằng "tasks done", hoặc ghi tiến độ', 'the task counts as overdue; complete it with "tasks done" or record progress'),
    );
  }
  if (to <= current) {
    throw new ValidationError(
      t(`hạn mới ${formatDate(to)} không sau hạn hiện tại ${formatDate(current)}`, `new due date ${to} is not after the current one ${current}`),
      t('gia hạn là lùi hạn về sau; để sửa hạn đã nhập sai, dùng "tasks edit --due"', 'an extension moves the date later; to correct a mistyped date use "tasks edit --due"'),
    );
  }
  return current;
}

export function checkCancel(task: Task): void {
  refuseIfClosed(task, t('dừng thực hiện', 'cancel it'));
}

export function checkReopen(task: Task): void {
  if (task.completedOn === null && task.cancelledOn === null) {
    throw new ConflictError(
      t(`nhiệm vụ ${task.id} đang thực hiện, không cần mở lại`, `task ${task.id} is open already`),
    );
  }
}

export function checkEdit(task: Task): void {
  refuseIfClosed(task, t('sửa', 'edit it'));
}

/** The original due date can be corrected only while no extension stands on top of it. */
export function checkDueCorrection(task: Task): void {
  if (task.extensions.length > 0) {
    throw new ConflictError(
      t(`nhiệm vụ ${task.id} đã được gia hạn; không sửa hạn ban đầu`, `task ${task.id} has been extended; its original due date stays`),
      t(`gia hạn tiếp bằng: tasks extend ${task.id} --to NGÀY --reason "..."`, `extend it again: tasks extend ${task.id} --to DATE --reason "..."`),
    );
  }
}
