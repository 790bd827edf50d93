import type { AuditEntry } from '../domain/audit/audit-entry';
import type { Draft } from '../domain/referral/draft';
import type { ConsultationRequest, RequestStatus } from '../domain/request/consultation-request';
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
  /** Every request of the service, newest first (demo data and tests; queues use listByStatus). */
  listAll(service: string, limit: number): Promise<ConsultationRequest[]>;
  /**
   * Requests in one status, those that have been in it longest first, however many others there are (an index
   * per status, kept in the same atomic step as every change). `enteredBefore` keeps only those in it since before then.
   */
  listByStatus(service: string, status: RequestStatus, options: { limit: number; enteredBefore?: Date }): Promise<ConsultationRequest[]>;
  countByStatus(service: string, status: RequestStatus): Promise<number>;
  /** References of the requests linked to a channel or group chat, or to any channel of a team given as `team:<id>` (an index kept with every change). */
  linkedTo(service: string, conversationId: string): Promise<string[]>;
  /**
   * Deletes a request and everything stored under its name: its draft and reserved number, its place in every
   * index, and the effects' jobs and busy time; appends the audit entry (a tombstone), in one atomic step.
   * False when there was no such request.
   */
  remove(request: ConsultationRequest, audit: AuditEntry, effects?: Pick<RequestEffects, 'unschedule' | 'release'>): Promise<boolean>;
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
