/** The JSON of `tasks import --json`: one object, a contract scripts rely on. */
import type { PlannedDirective } from '../report-model/import-plan.js';
import type { Period } from '../domain/recurrence.js';
import type { SourceMeta } from '../import/types.js';

const RECURRENCE: Record<Period, string> = { week: 'weekly', month: 'monthly', quarter: 'quarterly', 'half-year': 'semiannual', year: 'yearly' };

export interface ImportJson {
  source: { kind: string | null; number: string | null; issuedOn: string | null; meetingOn: string | null; chair: string | null; title: string | null };
  directives: {
    ordinal: string;
    text: string;
    lead: string[];
    coordinating: string[];
    due: string | null;
    schedule: 'once' | 'ongoing' | 'recurring';
    recurrence: string | null;
    flags: string[];
    /** The words that decided the owner and the timing, with their page and line in the source. */
    evidence: { owner: { words: string; page: number; line: number } | null; timing: { words: string; page: number; line: number } | null };
  }[];
  taskCount: number;
  alreadyImported: boolean;
}

export function importJson(source: SourceMeta, directives: PlannedDirective[], taskCount: number, alreadyImported: boolean): ImportJson {
  return {
    source: { kind: source.kind, number: source.number, issuedOn: source.issuedOn, meetingOn: source.meetingOn, chair: source.chair, title: source.title },
    directives: directives
      .filter((d) => !d.skipped)
      .map((d) => ({
        ordinal: d.ordinal,
        text: d.text,
        lead: d.lead.map((u) => u.code),
        coordinating: d.coordinating.map((u) => u.code),
        due: d.schedule === 'once' ? d.due : null,
        schedule: d.schedule,
        recurrence: d.every ? RECURRENCE[d.every] : null,
        flags: [...d.flags],
        evidence: { owner: d.evidence.owner, timing: d.evidence.timing },
      })),
    taskCount,
    alreadyImported,
  };
}
