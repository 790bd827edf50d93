import type { AuditEntry } from '../domain/audit/audit-entry';
import type { Draft } from '../domain/referral/draft';
import type { ConsultationRequest, RequestStatus } from '../domain/request/consultation-request';
import type { Notification } from '../domain/network/notification';
import type { Job } from './job-queue';

/** What else changes in the same atomic step as a request. */
export interface RequestEffects {
  schedule?: Job[];
  unschedule?: string[];
  /** Notifications for the outbox. */
  notify?: Notification[];
  /** Claims the clinician's time; refused with `clinician_busy` if it overlaps (with the buffer) a booking they have. */
  claimTime?: { clinicianId: string; start: string; end: string; bufferMs: number };
  releaseTime?: { clinicianId: string; start: string; end: string };
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
   * If a request with that reference exists already, changes nothing and returns it with `created: false`.
   * Throws DomainError `version_conflict` if the draft changed since it was read.
   */
  create(request: ConsultationRequest, submittedDraft: Draft, audit: AuditEntry, notify?: Notification[]): Promise<{ created: boolean; request: ConsultationRequest }>;
  get(service: string, reference: string): Promise<ConsultationRequest | null>;
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
  remove(request: ConsultationRequest, audit: AuditEntry, effects?: Pick<RequestEffects, 'unschedule' | 'releaseTime'>): Promise<boolean>;
  /**
   * Saves a request whose `version` is one more than the stored one, with its audit entry and effects,
   * atomically. Throws `version_conflict` or `clinician_busy` and then changes nothing.
   */
  update(request: ConsultationRequest, audit: AuditEntry, effects?: RequestEffects): Promise<void>;
}
