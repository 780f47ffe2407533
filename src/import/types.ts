/** What reading a conclusion proposes: its source's metadata and one entry per directive. */
import type { IsoDate } from '../domain/dates.js';
import type { Period } from '../domain/recurrence.js';
import type { Unit } from '../domain/units.js';
import type { Block } from './layout/block.js';

export const FLAGS = ['no_owner', 'unknown_owner', 'fuzzy_owner', 'no_deadline', 'deadline_before_issue', 'deadline_invalid', 'deadline_relative'] as const;
export type Flag = (typeof FLAGS)[number];

export interface SourceMeta {
  kind: string | null;
  number: string | null;
  issuer: string | null;
  issuedOn: IsoDate | null;
  meetingOn: IsoDate | null;
  chair: string | null;
  title: string | null;
}

/** When a directive is due: a date, never (ongoing), every period (recurring), or not said. */
export type Timing =
  | { kind: 'due'; due: IsoDate; yearGiven: boolean }
  | { kind: 'ongoing' }
  | { kind: 'recurring'; every: Period; day: number | null };

export interface Owners {
  /** One task per lead unit; empty when nobody could be named. */
  lead: Unit[];
  coordinating: Unit[];
  /** The words that named an owner outside the registry. */
  ownerText: string | null;
  flags: Flag[];
  /** The owner phrase as written, the words that decided it. */
  words?: string | null;
}

/** Words of the source that decided a value, and where they stand (page and line of the source). */
export interface Evidence {
  words: string;
  page: number;
  line: number;
}

export interface ProposedDirective {
  ordinal: string;
  text: string;
  owners: Owners;
  timing: Timing | null;
  flags: Flag[];
  evidence: { owner: Evidence | null; timing: Evidence | null };
}

export interface Proposal {
  source: SourceMeta;
  directives: ProposedDirective[];
  /** Identifies a source with no number: the same text imported twice is the same source. */
  contentHash: string;
  /** Footnotes, kept apart from the body: never directives. */
  notes: string[];
}

/** A directive as the body or a table of tasks proposes it, before flags and evidence are settled. */
export interface Draft {
  ordinal: string;
  text: string;
  owners: Owners | null;
  ownerWords: string | null;
  timing: Timing | null;
  timingWords: string | null;
  timingFlag: Flag | null;
  coordinating: Unit[];
  block: Block | null;
}
