/** A clinician's "not this one", kept so coordinators can see why an offer is waiting. */
export interface Decline {
  clinicianId: string;
  reason: string;
  at: string;
}

/** The referrer's preferred times, put to the clinicians in the triage channel. */
export interface Offer {
  id: string;
  preferences: string[];
  offeredAt: string;
  declines: Decline[];
  escalatedAt?: string;
}

/** A consultation a clinician accepted. Times in UTC. */
export interface Booking {
  id: string;
  clinicianId: string;
  start: string;
  end: string;
  meetingUrl: string;
  acceptedAt: string;
}

/** What happened to an earlier booking, for the record. */
export interface BookingChange {
  kind: 'cancelled' | 'rescheduled' | 'no_show';
  bookingId: string;
  clinicianId: string;
  start: string;
  by: string;
  reason: string;
  at: string;
}

export interface ReviewDecision {
  approved: boolean;
  by: string;
  reason: string;
  at: string;
}

/** The member a clinician's busy calendar keeps for a booking: start and end in ms and the request. */
export const busyMember = (booking: Pick<Booking, 'start' | 'end'>, reference: string): string =>
  `${Date.parse(booking.start)}|${Date.parse(booking.end)}|${reference}`;

export function parseBusyMember(member: string): { start: number; end: number; reference: string } {
  const [start, end, reference] = member.split('|');
  return { start: Number(start), end: Number(end), reference: reference ?? '' };
}
