import type { Booking } from '../../domain/booking/booking';
import type { BookingDefaults } from '../../domain/catalogue/catalogue';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Job } from '../../ports/job-queue';

/** Messages the bot sends because a request changed; the transport decides who gets which card. */
export type NotifyEvent =
  | 'offered' | 'declined' | 'booked' | 'cancelled' | 'rescheduled' | 'no_show' | 'escalated' | 'no_times'
  | 'waitlist_offer' | 'reviewed';

const HOUR = 3_600_000;

/** A message to send now. Its id names the request version, so the same change never queues it twice. */
export function notifyJob(request: ConsultationRequest, event: NotifyEvent, at: Date, data: Record<string, string> = {}): Job {
  return {
    id: `notify:${request.reference}:${request.version}:${event}`, service: request.service, kind: 'notify',
    reference: request.reference, due: at.toISOString(), data: { event, ...data },
  };
}

export const escalationJobId = (reference: string, offerId: string) => `escalate:${reference}:${offerId}`;

export function escalationJob(request: ConsultationRequest, rules: BookingDefaults): Job {
  const offer = request.offer!;
  return {
    id: escalationJobId(request.reference, offer.id), service: request.service, kind: 'escalation', reference: request.reference,
    due: new Date(Date.parse(offer.offeredAt) + rules.escalateAfterHours * HOUR).toISOString(), data: { offerId: offer.id },
  };
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
