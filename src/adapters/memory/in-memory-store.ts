import type { AuditEntry } from '../../domain/audit/audit-entry';
import { DomainError } from '../../domain/errors';
import type { Draft } from '../../domain/referral/draft';
import type { ConsultationRequest, RequestStatus } from '../../domain/request/consultation-request';
import type { AuditLog } from '../../ports/audit-log';
import type { DraftStore } from '../../ports/draft-store';
import { ReferenceTakenError, type RequestEffects, type RequestStore, type Sequence } from '../../ports/request-store';
import { InMemoryOutbox } from './in-memory-outbox';
import { linkKeys } from '../../domain/network/links';
import type { Notification } from '../../domain/network/notification';
import { InMemoryAvailability, InMemoryConversations, InMemoryJobs, InMemoryRoster } from './in-memory-booking';
import type { Store } from '../../ports/store';
import { copy, key } from './copy';


class InMemoryAuditLog implements AuditLog {
  private readonly entries = new Map<string, AuditEntry[]>();

  async append(service: string, entry: AuditEntry): Promise<void> {
    this.appendNow(service, entry);
  }

  appendNow(service: string, entry: AuditEntry): void {
    const list = this.entries.get(service) ?? [];
    list.push(copy(entry));
    this.entries.set(service, list);
  }

  async recent(service: string, count: number): Promise<AuditEntry[]> {
    return copy((this.entries.get(service) ?? []).slice(-count).reverse());
  }

  async about(service: string, subject: string): Promise<AuditEntry[]> {
    return copy((this.entries.get(service) ?? []).filter((e) => e.subject === subject));
  }

  async trim(service: string, before: Date): Promise<number> {
    const list = this.entries.get(service) ?? [];
    const kept = list.filter((e) => Date.parse(e.at) >= before.getTime());
    this.entries.set(service, kept);
    return list.length - kept.length;
  }
}

class InMemoryDraftStore implements DraftStore {
  readonly drafts = new Map<string, Draft>();
  private readonly active = new Map<string, string>();

  constructor(private readonly audit: InMemoryAuditLog) {}

  async get(service: string, id: string): Promise<Draft | null> {
    const draft = this.drafts.get(key(service, id));
    return draft ? copy(draft) : null;
  }

  async activeFor(service: string, ownerId: string): Promise<Draft | null> {
    const id = this.active.get(key(service, ownerId));
    return id ? this.get(service, id) : null;
  }

  async save(draft: Draft, audit: AuditEntry): Promise<void> {
    this.saveNow(draft);
    this.audit.appendNow(draft.service, audit);
  }

  /** Forgets a draft (its request was erased or purged); its owner's pointer goes with it if it was theirs. */
  removeNow(service: string, id: string): void {
    const draft = this.drafts.get(key(service, id));
    if (!draft) return;
    this.drafts.delete(key(service, id));
    if (this.active.get(key(service, draft.ownerId)) === id) this.active.delete(key(service, draft.ownerId));
  }

  /** The synchronous core of save, shared with request creation so that both are one atomic step. */
  saveNow(draft: Draft): void {
    const stored = this.drafts.get(key(draft.service, draft.id));
    if ((stored?.version ?? 0) !== draft.version - 1) throw new DomainError('version_conflict');
    this.drafts.set(key(draft.service, draft.id), copy(draft));
    const owner = key(draft.service, draft.ownerId);
    if (draft.status === 'open') this.active.set(owner, draft.id);
    else if (this.active.get(owner) === draft.id) this.active.delete(owner);
  }
}

class InMemoryRequestStore implements RequestStore {
  private readonly requests = new Map<string, ConsultationRequest>();
  /** When each request entered its present status: the index the Redis store keeps per status. */
  private readonly entered = new Map<string, number>();
  private readonly sequences = new Map<string, number>();
  private readonly reserved = new Map<string, Sequence>();

  constructor(
    private readonly drafts: InMemoryDraftStore,
    private readonly audit: InMemoryAuditLog,
    private readonly availability: InMemoryAvailability,
    private readonly jobs: InMemoryJobs,
    private readonly outbox: InMemoryOutbox,
  ) {}

  async reserveSequence(service: string, draftId: string, year: number): Promise<Sequence> {
    const k = key(service, draftId);
    const existing = this.reserved.get(k);
    if (existing) return { ...existing };
    const n = (this.sequences.get(key(service, String(year))) ?? 0) + 1;
    this.sequences.set(key(service, String(year)), n);
    this.reserved.set(k, { year, n });
    return { year, n };
  }

  async create(request: ConsultationRequest, submittedDraft: Draft, audit: AuditEntry, notify: Notification[] = []) {
    const existing = this.requests.get(key(request.service, request.reference));
    if (existing && existing.draftId !== submittedDraft.id) {
      this.reserved.delete(key(request.service, submittedDraft.id));
      throw new ReferenceTakenError(request.reference);
    }
    if (existing) return { created: false, request: copy(existing) };
    this.drafts.saveNow(submittedDraft);
    for (const n of notify) this.outbox.appendNow(n);
    this.requests.set(key(request.service, request.reference), copy(request));
    this.entered.set(key(request.service, request.reference), Date.parse(request.submittedAt));
    this.audit.appendNow(request.service, audit);
    return { created: true, request: copy(request) };
  }

  async get(service: string, reference: string): Promise<ConsultationRequest | null> {
    const request = this.requests.get(key(service, reference));
    return request ? copy(request) : null;
  }

  /** Memory keeps no copies elsewhere: what it holds is as safe as it gets. */
  getConfirmed(service: string, reference: string): Promise<ConsultationRequest | null> {
    return this.get(service, reference);
  }

  async listByOwner(service: string, ownerId: string, limit: number): Promise<ConsultationRequest[]> {
    return [...this.requests.values()]
      .filter((r) => r.service === service && r.ownerId === ownerId)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.reference.localeCompare(a.reference))
      .slice(0, limit)
      .map(copy);
  }

  async listAll(service: string, limit: number): Promise<ConsultationRequest[]> {
    return [...this.requests.values()]
      .filter((r) => r.service === service)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.reference.localeCompare(a.reference))
      .slice(0, limit)
      .map(copy);
  }

  async listByStatus(service: string, status: RequestStatus, options: { limit: number; enteredBefore?: Date }): Promise<ConsultationRequest[]> {
    const before = options.enteredBefore?.getTime() ?? Infinity;
    return [...this.requests.values()]
      .filter((r) => r.service === service && r.status === status)
      .map((r) => ({ r, at: this.entered.get(key(service, r.reference)) ?? 0 }))
      .filter(({ at }) => at < before)
      .sort((a, b) => a.at - b.at || a.r.reference.localeCompare(b.r.reference))
      .slice(0, options.limit)
      .map(({ r }) => copy(r));
  }

  async countByStatus(service: string, status: RequestStatus): Promise<number> {
    return [...this.requests.values()].filter((r) => r.service === service && r.status === status).length;
  }

  async linkedTo(service: string, conversationId: string): Promise<string[]> {
    return [...this.requests.values()].filter((r) => r.service === service && (r.links ?? []).some((l) => linkKeys(l).includes(conversationId)))
      .map((r) => r.reference).sort();
  }

  async remove(request: ConsultationRequest, audit: AuditEntry, effects: Pick<RequestEffects, 'unschedule' | 'release'> = {}): Promise<boolean> {
    const { service, reference } = request;
    const stored = this.requests.get(key(service, reference));
    if (!stored) return false;
    this.availability.applyClaims(service, reference, { ...(effects.release ? { release: effects.release } : {}) });
    for (const id of effects.unschedule ?? []) this.jobs.unscheduleNow(service, id);
    this.requests.delete(key(service, reference));
    this.entered.delete(key(service, reference));
    this.drafts.removeNow(service, stored.draftId);
    this.reserved.delete(key(service, stored.draftId));
    this.audit.appendNow(service, audit);
    return true;
  }

  async update(request: ConsultationRequest, audit: AuditEntry, effects: RequestEffects = {}): Promise<void> {
    const { service, reference } = request;
    const stored = this.requests.get(key(service, reference));
    if (!stored) throw new DomainError('request_not_found');
    if (stored.version !== request.version - 1) throw new DomainError('version_conflict');
    this.availability.checkClaim(service, reference, effects);
    this.availability.applyClaims(service, reference, effects);
    for (const job of effects.schedule ?? []) this.jobs.scheduleNow(job);
    for (const id of effects.unschedule ?? []) this.jobs.unscheduleNow(service, id);
    for (const n of effects.notify ?? []) this.outbox.appendNow(n);
    if (stored.status !== request.status) this.entered.set(key(service, reference), Date.parse(request.updatedAt));
    this.requests.set(key(service, reference), copy(request));
    this.audit.appendNow(service, audit);
  }
}

/** The embedded store: everything in this process's memory, gone when it stops. For demos and tests. */
export function createInMemoryStore(): Store {
  const audit = new InMemoryAuditLog();
  const drafts = new InMemoryDraftStore(audit);
  const availability = new InMemoryAvailability(audit);
  const jobs = new InMemoryJobs();
  const outbox = new InMemoryOutbox();
  const requests = new InMemoryRequestStore(drafts, audit, availability, jobs, outbox);
  const markers = new Map<string, number>();
  return {
    drafts,
    requests,
    audit,
    roster: new InMemoryRoster(audit),
    availability,
    jobs,
    outbox,
    conversations: new InMemoryConversations(),
    async claimOnce(marker, ttlMs) {
      const now = Date.now();
      if ((markers.get(marker) ?? 0) > now) return false;
      markers.set(marker, now + ttlMs);
      return true;
    },
    hasMarker: async (marker) => (markers.get(marker) ?? 0) > Date.now(),
    releaseMarker: async (marker) => { markers.delete(marker); },
    ping: async () => true,
    close: async () => undefined,
  };
}
