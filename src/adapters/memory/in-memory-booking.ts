import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { Availability } from '../../domain/booking/availability';
import { overlaps } from '../../domain/booking/interval';
import type { RosterMember } from '../../domain/booking/roster';
import { DomainError } from '../../domain/errors';
import type { AvailabilityStore, BusyTime, ClinicianCalendar } from '../../ports/availability-store';
import { PERSON_ENTRY, type ConversationStore } from '../../ports/conversations';
import type { Job, JobQueue } from '../../ports/job-queue';
import type { RequestEffects } from '../../ports/request-store';
import type { RosterStore } from '../../ports/roster-store';
import { copy, key } from './copy';


interface AuditSink {
  appendNow(service: string, entry: AuditEntry): void;
}

export class InMemoryRoster implements RosterStore {
  private readonly members = new Map<string, RosterMember>();
  constructor(private readonly audit: AuditSink) {}
  async get(service: string, id: string) {
    const m = this.members.get(key(service, id));
    return m ? copy(m) : null;
  }
  async list(service: string) {
    return [...this.members.entries()].filter(([k]) => k.startsWith(key(service, ''))).map(([, m]) => copy(m)).sort((a, b) => a.id.localeCompare(b.id));
  }
  async put(service: string, member: RosterMember, audit: AuditEntry) {
    this.members.set(key(service, member.id), copy(member));
    this.audit.appendNow(service, audit);
  }
  async remove(service: string, id: string, audit: AuditEntry) {
    const existed = this.members.delete(key(service, id));
    this.audit.appendNow(service, audit);
    return existed;
  }
}

export class InMemoryAvailability implements AvailabilityStore {
  private readonly docs = new Map<string, Availability>();
  private readonly held = new Map<string, BusyTime[]>();
  constructor(private readonly audit: AuditSink) {}
  async get(service: string, clinicianId: string) {
    const doc = this.docs.get(key(service, clinicianId));
    return doc ? copy(doc) : null;
  }
  async list(service: string) {
    return [...this.docs.entries()].filter(([k]) => k.startsWith(key(service, ''))).map(([, d]) => copy(d))
      .sort((a, b) => a.clinicianId.localeCompare(b.clinicianId));
  }
  async save(service: string, doc: Availability, audit: AuditEntry) {
    const stored = this.docs.get(key(service, doc.clinicianId));
    if ((stored?.version ?? 0) !== doc.version - 1) throw new DomainError('version_conflict');
    this.docs.set(key(service, doc.clinicianId), copy(doc));
    this.audit.appendNow(service, audit);
  }
  async busy(service: string, clinicianId: string, from: Date) {
    return copy((this.held.get(key(service, clinicianId)) ?? []).filter((b) => b.end > from.getTime()));
  }

  async calendars(service: string, clinicianIds: readonly string[], from: Date): Promise<ClinicianCalendar[]> {
    const found: ClinicianCalendar[] = [];
    for (const id of clinicianIds) {
      const availability = await this.get(service, id);
      if (availability) found.push({ availability, busy: await this.busy(service, id, from) });
    }
    return found;
  }

  async forgetBusy(service: string, clinicianId: string, endedBefore: Date) {
    const k = key(service, clinicianId);
    const list = this.held.get(k) ?? [];
    const kept = list.filter((b) => b.end >= endedBefore.getTime());
    this.held.set(k, kept);
    return list.length - kept.length;
  }

  /** The calendar once `fx.release` has given its time back (nothing is stored). */
  private released(service: string, clinicianId: string, reference: string, fx: RequestEffects): BusyTime[] {
    const calendar = this.held.get(key(service, clinicianId)) ?? [];
    if (fx.release?.clinicianId !== clinicianId) return calendar;
    const starts = new Set(fx.release.times.map((t) => Date.parse(t.start)));
    return calendar.filter((b) => !(b.reference === reference && starts.has(b.start)));
  }

  /** Checks a claim without changing anything, so that a request update can fail before it writes (as the Redis script does). */
  checkClaim(service: string, reference: string, fx: RequestEffects): void {
    const claim = fx.claim;
    if (!claim) return;
    const taken = [...this.released(service, claim.clinicianId, reference, fx)];
    for (const t of claim.times) {
      const wanted = { start: Date.parse(t.start), end: Date.parse(t.end), reference };
      if (taken.some((b) => overlaps(b, wanted, claim.bufferMs))) throw new DomainError('clinician_busy');
      taken.push(wanted);
    }
  }

  applyClaims(service: string, reference: string, fx: RequestEffects): void {
    if (fx.release) this.held.set(key(service, fx.release.clinicianId), this.released(service, fx.release.clinicianId, reference, fx));
    if (fx.claim) {
      const k = key(service, fx.claim.clinicianId);
      this.held.set(k, [...(this.held.get(k) ?? []), ...fx.claim.times.map((t) => ({ start: Date.parse(t.start), end: Date.parse(t.end), reference }))]);
    }
  }
}

export class InMemoryJobs implements JobQueue {
  private readonly entries = new Map<string, { due: number; job: Job }>();
  async schedule(job: Job) {
    this.scheduleNow(job);
  }
  scheduleNow(job: Job) {
    this.entries.set(key(job.service, job.id), { due: Date.parse(job.due), job: copy(job) });
  }
  unscheduleNow(service: string, id: string) {
    this.entries.delete(key(service, id));
  }
  async claimDue(service: string, now: Date, leaseMs: number, limit: number) {
    const due = [...this.entries.values()]
      .filter((e) => e.job.service === service && e.due <= now.getTime())
      .sort((a, b) => a.due - b.due)
      .slice(0, limit);
    for (const e of due) e.due = now.getTime() + leaseMs;
    return due.map((e) => copy(e.job));
  }
  async complete(job: Job) {
    this.entries.delete(key(job.service, job.id));
  }
  async pending(service: string) {
    return [...this.entries.values()].filter((e) => e.job.service === service).length;
  }
}

export class InMemoryConversations implements ConversationStore {
  private readonly values = new Map<string, string>();
  /** When each person's entry was last written. */
  private readonly seen = new Map<string, number>();
  constructor(private readonly now: () => number = Date.now) {}
  async get(k: string) {
    return this.values.get(k) ?? null;
  }
  async getMany(keys: readonly string[]) {
    return keys.map((k) => this.values.get(k) ?? null);
  }
  async set(k: string, value: string) {
    this.values.set(k, value);
    if (PERSON_ENTRY.test(k)) this.seen.set(k, this.now());
  }
  async setMany(entries: readonly (readonly [string, string])[]) {
    for (const [k, value] of entries) await this.set(k, value);
  }
  async forget(prefix: string) {
    const gone = [...this.values.keys()].filter((k) => k.startsWith(prefix));
    for (const k of gone) this.values.delete(k);
    return gone.length;
  }
  async forgetUnseen(before: Date, limit: number) {
    const gone = [...this.seen.entries()].filter(([, at]) => at < before.getTime()).slice(0, limit).map(([k]) => k);
    for (const k of gone) {
      this.values.delete(k);
      this.seen.delete(k);
    }
    return gone.length;
  }
  async entries(prefix: string, limit: number): Promise<[string, string][]> {
    return [...this.values].filter(([k]) => k.startsWith(prefix)).slice(0, limit);
  }
}
