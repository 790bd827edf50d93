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

/**
 * A write the store made but could not confirm was kept as safely as it is configured to (with Redis
 * replica acknowledgement on: fewer replicas than required acknowledged it in time). It counts as
 * failed: the user is told nothing was saved, and a retry is safe because every write is versioned.
 */
export class UnconfirmedWriteError extends Error {
  readonly code = 'replica_ack_timeout';
  constructor(readonly replicas: number, readonly required: number) {
    super('replica_ack_timeout');
    this.name = 'UnconfirmedWriteError';
  }
}

/** The code a log line gives a failure: the store's own when it has one, otherwise the error's name. */
export const failureCode = (e: unknown): string => (e instanceof UnconfirmedWriteError ? e.code : (e as Error | undefined)?.name ?? 'unknown');
