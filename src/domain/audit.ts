/** An entry of the audit trail: who did what, when, to which task or unit, with what detail. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  taskId: number | null;
  unitId: number | null;
  detail: Record<string, unknown>;
}

/** An entry as read back, with its place in the trail. */
export interface StoredAuditEntry extends AuditEntry {
  id: number;
}
