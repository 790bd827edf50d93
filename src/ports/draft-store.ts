import type { AuditEntry } from '../domain/audit/audit-entry';
import type { Draft } from '../domain/referral/draft';

/** Drafts in progress, one open draft per referrer and service. */
export interface DraftStore {
  get(service: string, id: string): Promise<Draft | null>;
  /** The referrer's open draft for a service, if any. */
  activeFor(service: string, ownerId: string): Promise<Draft | null>;
  /**
   * Saves a draft whose `version` is one more than the stored one (1 for a new draft) and appends the
   * audit entry in the same atomic step. An open draft becomes its owner's active draft; a submitted or
   * cancelled one stops being it. Throws DomainError `version_conflict` when someone saved first.
   */
  save(draft: Draft, audit: AuditEntry): Promise<void>;
}
