import type { Booking } from '../../domain/booking/booking';
import type { BookingDefaults, Catalogue } from '../../domain/catalogue/catalogue';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Job } from '../../ports/job-queue';

const HOUR = 3_600_000;

export const escalationJobId = (reference: string, offerId: string) => `escalate:${reference}:${offerId}`;

/** Coordinators are alerted sooner about an urgent request: its urgency's own escalation time, else the service's. */
export function escalationJob(request: ConsultationRequest, catalogue: Catalogue): Job {
  const offer = request.offer!;
  const hours = catalogue.urgencies.find((u) => u.id === request.answers.details?.urgency)?.escalateAfterHours ?? catalogue.booking.escalateAfterHours;
  return {
    id: escalationJobId(request.reference, offer.id), service: request.service, kind: 'escalation', reference: request.reference,
    due: new Date(Date.parse(offer.offeredAt) + hours * HOUR).toISOString(), data: { offerId: offer.id },
  };
}

/** Urgent requests first, then the oldest: the order coordinators and clinicians work through a queue. */
export function byUrgency(catalogue: Catalogue): (a: ConsultationRequest, b: ConsultationRequest) => number {
  const urgent = (r: ConsultationRequest) => (catalogue.urgencies.find((u) => u.id === r.answers.details?.urgency)?.urgent ? 0 : 1);
  return (a, b) => urgent(a) - urgent(b) || a.submittedAt.localeCompare(b.submittedAt);
}

export const reminderJobId = (bookingId: string, hours: number) => `remind:${bookingId}:${hours}h`;

/** Reminders before the consultation, skipping any whose moment has already passed. */
export function reminderJobs(request: ConsultationRequest, booking: Booking, rules: BookingDefaults, now: Date): Job[] {
  return rules.reminderHours
    .map((hours) => ({ hours, due: Date.parse(booking.start) - hours * HOUR }))
    .filter(({ due }) => due > now.getTime())
    .map(({ hours, due }) => ({
      id: reminderJobId(booking.id, hours), service: request.service, kind: 'reminder' as const, reference: request.reference,
      due: new Date(due).toISOString(), data: { bookingId: booking.id, hours: String(hours) },
    }));
}

export const allReminderIds = (bookingId: string, rules: BookingDefaults) => rules.reminderHours.map((h) => reminderJobId(bookingId, h));
