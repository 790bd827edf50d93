import type { AuditLog } from './audit-log';
import type { DraftStore } from './draft-store';
import type { RequestStore } from './request-store';

/** Everything the application keeps, behind one handle: Redis in production, memory when embedded. */
export interface Store {
  drafts: DraftStore;
  requests: RequestStore;
  audit: AuditLog;
  /** True when the store answers; backs /healthz. */
  ping(): Promise<boolean>;
  /** Finishes pending writes and lets go of connections. */
  close(): Promise<void>;
}
