import type { AuditEntry } from '../domain/audit/audit-entry';

/** The append-only trail of who did what. Store writes append to it in the same atomic step as the change. */
export interface AuditLog {
  /** Appends one entry on its own, for events with no state change such as a refused action. */
  append(service: string, entry: AuditEntry): Promise<void>;
  /** The newest entries first. */
  recent(service: string, count: number): Promise<AuditEntry[]>;
}
