/** Small builders for the pure reminder tests: units and open tasks as of a fixed day. */
import type { Task, TaskView } from '../../src/domain/task.js';
import { viewAsOf } from '../../src/domain/task.js';
import type { Unit } from '../../src/domain/units.js';

export const TODAY = '2026-11-20';

export function unit(id: number, code: string, name: string, email: string | null): Unit {
  return { id, code, name, aliases: [], head: `Trưởng ${name}`, email, active: true, position: id };
}

export const LS = unit(1, 'LS', 'Phòng Lãnh sự', 'lanhsu@so.example.vn');
export const TTR = unit(2, 'TTR', 'Thanh tra Sở', 'thanhtra@so.example.vn');
export const HTQT = unit(3, 'HTQT', 'Phòng Hợp tác quốc tế', 'htqt@so.example.vn');
export const KT = unit(4, 'KT', 'Phòng Kế toán', null);
export const UNITS = [LS, TTR, HTQT, KT];

export function task(id: number, lead: Unit, due: string, extra: Partial<Task> = {}): TaskView {
  const base: Task = {
    id,
    text: `Nhiệm vụ số ${id}`,
    lead: { code: lead.code, name: lead.name },
    coordinating: [],
    ownerText: null,
    ongoing: false,
    originalDue: due,
    extensions: [],
    assignedOn: '2026-10-01',
    completedOn: null,
    evidence: null,
    completionNote: null,
    cancelledOn: null,
    cancelReason: null,
    source: null,
    series: null,
    ...extra,
  };
  return viewAsOf(base, TODAY);
}
