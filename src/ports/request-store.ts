import type { AuditEntry } from '../domain/audit/audit-entry';
import type { Draft } from '../domain/referral/draft';
import type { ConsultationRequest } from '../domain/request/consultation-request';
import type { Notification } from '../domain/network/notification';
import type { Job } from './job-queue';

/** A span of a clinician's time, in UTC. */
export interface TimeSpan {
  start: string;
  end: string;
}

/** What else changes in the same atomic step as a request. */
export interface RequestEffects {
  schedule?: Job[];
  unschedule?: string[];
  /** Notifications for the outbox. */
  notify?: Notification[];
  /**
   * Claims time in one clinician's calendar (a consultation, or a whole series of sessions): refused with
   * `clinician_busy`, changing nothing, if any of it overlaps (with the buffer) a booking they have or another
   * span of the same claim.
   */
  claim?: { clinicianId: string; bufferMs: number; times: TimeSpan[] };
  /** Gives back time in one clinician's calendar; done before the claim is checked, so that a session can move within its own buffer. */
  release?: { clinicianId: string; times: TimeSpan[] };
}

/** A reserved place in a service's yearly numbering. */
export interface Sequence {
  year: number;
  n: number;
}

/** Submitted consultation requests: the system of record. */
export interface RequestStore {
  /**
   * Reserves the next number in the service's sequence for `year`, once per draft: asking again for
   * the same draft returns the same number (and its year), so a retried submit keeps its reference.
   */
  reserveSequence(service: string, draftId: string, year: number): Promise<Sequence>;
  /**
   * Creates the request, saves the draft as submitted and appends the audit entry in one atomic step.
   * If this draft's request exists already, changes nothing and returns it with `created: false`.
   * Throws DomainError `version_conflict` if the draft changed since it was read, and ReferenceTakenError if
   * another draft's request holds the reference (the numbering went back): then the draft's reserved number
   * is dropped, so a retry takes a new one, and nobody is shown someone else's request.
   */
  create(request: ConsultationRequest, submittedDraft: Draft, audit: AuditEntry, notify?: Notification[]): Promise<{ created: boolean; request: ConsultationRequest }>;
  get(service: string, reference: string): Promise<ConsultationRequest | null>;
  /**
   * As `get`, for an answer that repeats an earlier write's result (a retried submit shows the reference
   * again): the request is returned only once it is as safely kept as a new write would be, and the call
   * fails as a write would (UnconfirmedWriteError) when it cannot be.
   */
  getConfirmed(service: string, reference: string): Promise<ConsultationRequest | null>;
  /** The owner's requests, newest first. */
  listByOwner(service: string, ownerId: string, limit: number): Promise<ConsultationRequest[]>;
  /** Every request of the service, newest first: coordinators' queues (a county's year is hundreds). */
  listAll(service: string, limit: number): Promise<ConsultationRequest[]>;
  /**
   * Saves a request whose `version` is one more than the stored one, with its audit entry and effects,
   * atomically. Throws `version_conflict` or `clinician_busy` and then changes nothing.
   */
  update(request: ConsultationRequest, audit: AuditEntry, effects?: RequestEffects): Promise<void>;
}

/** A reference already held by another draft's request: the sequence went back (see `RequestStore.create`). */
export class ReferenceTakenError extends Error {
  constructor(readonly reference: string) {
    super('reference_taken');
    this.name = 'ReferenceTakenError';
  }
}
