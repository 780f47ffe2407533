/** What `tasks import-sheet` found and did, as its renderers receive it. */
import type { EarlierSheetImport } from '../db/bulk-repository.js';
import type { Text } from '../domain/errors.js';
import type { SheetField } from '../domain/sheet-columns.js';

export interface BadRow {
  line: number;
  reasons: Text[];
}

export interface SheetImportReport {
  file: string;
  headerLine: number;
  columns: { header: string; field: SheetField }[];
  unread: string[];
  /** Rows with something in them below the header. */
  rows: number;
  good: number;
  bad: BadRow[];
  /** Tasks the good rows make (a group as lead makes one per member unit). */
  tasks: number;
  newSources: string[];
  imported: boolean;
  dryRun: boolean;
  taskIds: { first: number; last: number } | null;
  /** When the same file was imported before: when, by whom, which task ids. */
  importedBefore: EarlierSheetImport | null;
}
