import type { AuditEntry } from '../domain/audit/audit-entry';

/** The append-only trail of who did what. Store writes append to it in the same atomic step as the change. */
export interface AuditLog {
  /** Appends one entry on its own, for events with no state change such as a refused action. */
  append(service: string, entry: AuditEntry): Promise<void>;
  /** The newest entries first. */
  recent(service: string, count: number): Promise<AuditEntry[]>;
  /** Every entry about one subject (a reference, a draft id), oldest first: for a subject-access export. */
  about(service: string, subject: string): Promise<AuditEntry[]>;
  /** Drops entries older than `before` (the catalogue's retention); returns how many went. */
  trim(service: string, before: Date): Promise<number>;
}
