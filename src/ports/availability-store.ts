import type { AuditEntry } from '../domain/audit/audit-entry';
import type { Availability } from '../domain/booking/availability';
import type { Interval } from '../domain/booking/interval';

/** A consultation that holds a clinician's time. */
export interface BusyTime extends Interval {
  reference: string;
}

/** A clinician's published availability and the consultations that hold their time. */
export interface ClinicianCalendar {
  availability: Availability;
  busy: BusyTime[];
}

/** Clinicians' published availability, and the time their bookings hold. */
export interface AvailabilityStore {
  get(service: string, clinicianId: string): Promise<Availability | null>;
  list(service: string): Promise<Availability[]>;
  /**
   * Saves availability whose `version` is one more than the stored one (0 when there is none), with its
   * audit entry. Throws DomainError `version_conflict` otherwise.
   */
  save(service: string, availability: Availability, audit: AuditEntry): Promise<void>;
  /** The clinician's booked consultations that end after `from`. */
  busy(service: string, clinicianId: string, from: Date): Promise<BusyTime[]>;
  /**
   * `get` and `busy` for each of these clinicians who has published availability, in the order given, read
   * in one go: listing free times reads every clinician of a service, twice in a booking.
   */
  calendars(service: string, clinicianIds: readonly string[], from: Date): Promise<ClinicianCalendar[]>;
  /** Forgets the clinician's consultations that ended before `endedBefore` (retention); returns how many went. */
  forgetBusy(service: string, clinicianId: string, endedBefore: Date): Promise<number>;
}
