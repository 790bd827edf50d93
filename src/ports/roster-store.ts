import type { AuditEntry } from '../domain/audit/audit-entry';
import type { RosterMember } from '../domain/booking/roster';

/** Who holds which role in a service: clinicians and coordinators. Everyone else is a referrer. */
export interface RosterStore {
  get(service: string, id: string): Promise<RosterMember | null>;
  list(service: string): Promise<RosterMember[]>;
  /** Adds or replaces a member, with its audit entry, atomically. */
  put(service: string, member: RosterMember, audit: AuditEntry): Promise<void>;
  /** Removes a member; false when there was none. */
  remove(service: string, id: string, audit: AuditEntry): Promise<boolean>;
}
