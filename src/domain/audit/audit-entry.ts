/**
 * One line of the append-only audit trail: who did what to which case, when, and whether it was
 * allowed. Subjects are references or draft ids; never names or free text about a family.
 */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  subject: string;
  result: 'ok' | 'denied' | 'rejected';
  code?: string;
  detail?: Record<string, string>;
}
