/**
 * The columns `tasks export` writes to CSV and XLSX. Each header is the first name
 * domain/sheet-columns knows for its field, so `tasks import-sheet` reads the file back without
 * a map. Headers stay Vietnamese whatever --lang: the file is data, and the import's contract.
 */
import type { ExportedTask } from '../../report-model/export.js';
import type { IsoDate } from '../../domain/dates.js';
import { HEADERS, type SheetField } from '../../domain/sheet-columns.js';
import { BUCKET_LABELS, PERIOD_LABELS } from '../labels.js';

export type ExportCell = string | number | { date: IsoDate } | null;

export interface ExportColumn {
  field: Exclude<SheetField, 'ignore'>;
  header: string;
  kind: 'number' | 'text' | 'long' | 'date';
  width: number;
}

const column = (field: ExportColumn['field'], kind: ExportColumn['kind'], width: number): ExportColumn => ({ field, header: HEADERS[field][0], kind, width });

export const EXPORT_COLUMNS: ExportColumn[] = [
  column('id', 'number', 8),
  column('text', 'long', 60),
  column('lead', 'text', 24),
  column('coordinating', 'text', 24),
  column('source', 'text', 16),
  column('sourceDate', 'date', 12),
  column('assignedOn', 'date', 12),
  column('due', 'date', 12),
  column('originalDue', 'date', 12),
  column('extendedOn', 'date', 12),
  column('extensionReason', 'text', 24),
  column('recurring', 'text', 14),
  column('status', 'text', 22),
  column('daysLate', 'number', 10),
  column('completedOn', 'date', 12),
  column('evidence', 'text', 16),
  column('completionNote', 'text', 24),
  column('cancelledOn', 'date', 12),
  column('cancelReason', 'text', 24),
  column('progress', 'long', 40),
  column('progressOn', 'date', 12),
  column('ownerText', 'text', 20),
];

const date = (d: IsoDate | null | undefined): ExportCell => (d ? { date: d } : null);

export function exportCells(task: ExportedTask): ExportCell[] {
  const v = task.view;
  const last = v.extensions.length ? v.extensions[v.extensions.length - 1] : null;
  return [
    v.id,
    v.text,
    v.lead?.name ?? null,
    v.coordinating.map((u) => u.name).join('; ') || null,
    v.source?.number ?? null,
    date(v.source?.issuedOn),
    date(v.assignedOn),
    v.ongoing ? 'Thường xuyên' : date(v.due),
    last ? date(v.originalDue) : null,
    last ? date(last.grantedOn) : null,
    last?.reason ?? null,
    v.series ? `${PERIOD_LABELS[v.series.every]?.vi ?? v.series.every} (${v.series.period})` : null,
    BUCKET_LABELS[v.bucket].vi,
    v.daysLate,
    date(v.completedOn),
    v.completedOn ? v.evidence : null,
    v.completedOn ? v.completionNote : null,
    date(v.cancelledOn),
    v.cancelledOn ? v.cancelReason : null,
    task.progress?.note ?? null,
    date(task.progress?.on),
    v.lead ? null : v.ownerText,
  ];
}
