import ical, { ICalEventStatus } from 'ical-generator';
import type { ConsultationRequest } from '../../domain/request/consultation-request';

/**
 * A calendar invite for a booked consultation. It carries the reference, the time and the meeting
 * link only: an .ics file travels into calendars the service does not control.
 */
export function consultationInvite(request: ConsultationRequest, serviceName: string): string | null {
  const booking = request.booking;
  if (!booking) return null;
  const calendar = ical({ name: serviceName, prodId: { company: 'consultation-bot', product: request.service } });
  calendar.createEvent({
    id: `${booking.id}@consultation-bot`,
    start: new Date(booking.start),
    end: new Date(booking.end),
    timezone: 'UTC',
    summary: `${serviceName} consultation ${request.reference}`,
    description: `Consultation for request ${request.reference}. Join: ${booking.meetingUrl}`,
    location: 'Microsoft Teams meeting',
    url: booking.meetingUrl,
    status: ICalEventStatus.CONFIRMED,
    stamp: new Date(booking.acceptedAt),
  });
  return calendar.toString();
}
