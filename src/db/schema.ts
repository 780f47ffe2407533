/**
 * The database as kysely sees it. Column names are snake_case here and camelCase in the domain;
 * repositories are the only place where one becomes the other. Dates are ISO strings
 * (YYYY-MM-DD), instants ISO timestamps, booleans 0/1, so SQLite and PostgreSQL agree.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  head: string | null;
  email: string | null;
  active: number;
  position: number;
}

export interface UnitAliasTable {
  id: Generated<number>;
  unit_id: number;
  alias: string;
}

export interface UnitGroupTable {
  id: Generated<number>;
  name: string;
  /** 1 when the group is every active unit ("các đơn vị thuộc Sở"). */
  all_units: number;
  position: number;
}

export interface UnitGroupAliasTable {
  id: Generated<number>;
  group_id: number;
  alias: string;
}

export interface UnitGroupMemberTable {
  group_id: number;
  unit_id: number;
  position: number;
}

export interface SourceTable {
  id: Generated<number>;
  kind: string | null;
  number: string | null;
  issued_on: string | null;
  issuer: string | null;
  summary: string | null;
  meeting_on: string | null;
  chair: string | null;
  created_at: string;
  /** sha256 of the folded text of an imported source (migration 2026-11-23-import). */
  content_hash: string | null;
  imported_at: string | null;
}

export interface DirectiveTable {
  id: Generated<number>;
  source_id: number;
  ordinal: string | null;
  text: string;
  /** The day a corrected conclusion dropped it (tasks import --update); null while in force. */
  withdrawn_on: string | null;
}

export interface SeriesTable {
  id: Generated<number>;
  text: string;
  lead_unit_id: number;
  every: string;
  day: number | null;
  starts_on: string;
  until_on: string | null;
  /** Start of the first period that has no occurrence yet: lets every command check cheaply. */
  next_period_on: string;
  stopped_on: string | null;
  source_id: number | null;
  directive_id: number | null;
  created_at: string;
}

export interface SeriesCoordinatorTable {
  series_id: number;
  unit_id: number;
}

export interface TaskTable {
  id: Generated<number>;
  text: string;
  /** The text case-folded without diacritics, for search on any database. */
  text_folded: string;
  lead_unit_id: number | null;
  /** Words that named the owner in an imported document when no unit matched them. */
  owner_text: string | null;
  ongoing: number;
  original_due_on: string | null;
  /** The due date in force after the latest extension; kept with the extension in one transaction. */
  due_on: string | null;
  /** The day the latest extension was granted, so views "as of" an earlier day know to look back. */
  last_extended_on: string | null;
  assigned_on: string;
  completed_on: string | null;
  evidence: string | null;
  completion_note: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  source_id: number | null;
  directive_id: number | null;
  series_id: number | null;
  period: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskCoordinatorTable {
  task_id: number;
  unit_id: number;
}

export interface ProgressNoteTable {
  id: Generated<number>;
  task_id: number;
  noted_on: string;
  note: string;
  author: string;
  created_at: string;
}

export interface ExtensionTable {
  id: Generated<number>;
  task_id: number;
  from_on: string | null;
  to_on: string;
  reason: string;
  granted_on: string;
  author: string;
  created_at: string;
}

/** The office's changes to the working-day calendar: 'off' adds a day off, 'workday' a day worked. */
export interface CalendarDayTable {
  id: Generated<number>;
  day: string;
  kind: string;
  name: string;
  created_at: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  /** The real clock, whatever "as of" date the command ran with. */
  at: string;
  actor: string;
  action: string;
  task_id: number | null;
  unit_id: number | null;
  /** JSON: what changed. */
  detail: string;
  /** sha256 of the previous entry's hash and this entry's fields (audit-chain.ts). */
  hash: string | null;
}

/** `tasks config`: only keys set by a user are stored; the defaults live in domain/settings.ts. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}

/**
 * `tasks remind`: one row per (task, trigger, period, recipient, channel), unique. `kind` is the
 * trigger ("before-7", "due", "after-8", "meeting"); `period` the due date it counts from, or
 * the meeting's date. `result` is pending (claimed, being sent), sent or failed.
 */
export interface ReminderTable {
  id: Generated<number>;
  task_id: number;
  kind: string;
  period: string;
  recipient: string;
  channel: string;
  /** "to" or "cc". */
  role: string;
  unit_id: number | null;
  result: string;
  attempts: number;
  /** The real clock, like audit timestamps. */
  claimed_at: string;
  sent_at: string | null;
  error: string | null;
  /** Message-ID, or the outbox file name. */
  message: string | null;
  /** The Message-ID fixed before the first attempt; a resend reuses it. */
  message_id: string | null;
  /** host:pid of the run that made the latest attempt. */
  claimed_by: string | null;
}

/** A person who uses a shared tracker; until the first is added the tool is single-user. */
export interface PersonTable {
  id: Generated<number>;
  login: string;
  name: string;
  /** 'office', 'head' or 'viewer'. */
  role: string;
  /** The unit a head leads. */
  unit_id: number | null;
  /** Where the web page's sign-in link goes: lower case, unique. */
  email: string | null;
  created_at: string;
  updated_at: string;
}

/** A sign-in link sent by mail: single use, until it expires. */
export interface LoginTokenTable {
  id: Generated<number>;
  person_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A signed-in browser on the web page. */
export interface WebSessionTable {
  id: Generated<number>;
  person_id: number;
  session_hash: string;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
}

/** A unit head's extension request, until an office user approves or rejects it. */
export interface ExtensionRequestTable {
  id: Generated<number>;
  task_id: number;
  from_on: string | null;
  to_on: string;
  reason: string;
  requested_on: string;
  requested_by: string;
  /** 'pending', 'approved' or 'rejected'. */
  status: string;
  settled_on: string | null;
  settled_by: string | null;
  settle_note: string | null;
  created_at: string;
}

export interface Database {
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  unit_group: UnitGroupTable;
  unit_group_alias: UnitGroupAliasTable;
  unit_group_member: UnitGroupMemberTable;
  source: SourceTable;
  directive: DirectiveTable;
  series: SeriesTable;
  series_coordinator: SeriesCoordinatorTable;
  task: TaskTable;
  task_coordinator: TaskCoordinatorTable;
  progress_note: ProgressNoteTable;
  extension: ExtensionTable;
  audit_event: AuditEventTable;
  calendar_day: CalendarDayTable;
  setting: SettingTable;
  reminder: ReminderTable;
  person: PersonTable;
  extension_request: ExtensionRequestTable;
  login_token: LoginTokenTable;
  web_session: WebSessionTable;
}

export type TaskRow = Selectable<TaskTable>;
export type NewTaskRow = Insertable<TaskTable>;
export type TaskUpdate = Updateable<TaskTable>;
export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type SourceRow = Selectable<SourceTable>;
export type SeriesRow = Selectable<SeriesTable>;
export type ExtensionRow = Selectable<ExtensionTable>;
export type NewExtensionRow = Insertable<ExtensionTable>;
export type NewNoteRow = Insertable<ProgressNoteTable>;
export type NewSourceRow = Insertable<SourceTable>;
