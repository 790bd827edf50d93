import type { AuditLog } from './audit-log';
import type { AvailabilityStore } from './availability-store';
import type { ConversationStore } from './conversations';
import type { DraftStore } from './draft-store';
import type { JobQueue } from './job-queue';
import type { Outbox } from './outbox';
import type { RequestStore } from './request-store';
import type { RosterStore } from './roster-store';

/** Everything the application keeps, behind one handle: Redis in production, memory when embedded. */
export interface Store {
  drafts: DraftStore;
  requests: RequestStore;
  audit: AuditLog;
  roster: RosterStore;
  availability: AvailabilityStore;
  jobs: JobQueue;
  outbox: Outbox;
  conversations: ConversationStore;
  /**
   * Claims a one-off marker: true for the first caller, false for every later one until it expires.
   * Makes effects that have no state of their own (a welcome message, a delivery) happen once.
   */
  claimOnce(marker: string, ttlMs: number): Promise<boolean>;
  /** True while a marker claimed with claimOnce lives. */
  hasMarker(marker: string): Promise<boolean>;
  /** Lets go of a marker early (the claimed work failed and may be tried again). */
  releaseMarker(marker: string): Promise<void>;
  /** True when the store answers; backs /healthz. */
  ping(): Promise<boolean>;
  /** Finishes pending writes and lets go of connections. */
  close(): Promise<void>;
}
