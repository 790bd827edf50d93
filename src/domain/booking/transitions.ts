import { DomainError } from '../errors';
import type { ConsultationRequest, RequestStatus } from '../request/consultation-request';
import type { Booking, BookingChange } from './booking';

/**
 * The booking state machine. Each step checks the request is where the step starts from (a card
 * clicked after the request moved on is refused with `request_moved_on`), and returns the next
 * version; nothing here reads a clock or a store.
 */
type Request = ConsultationRequest;

function expect(request: Request, ...from: RequestStatus[]): void {
  if (!from.includes(request.status)) throw new DomainError('request_moved_on');
}

const next = (request: Request, at: Date, changes: Partial<Request>): Request =>
  ({ ...request, ...changes, updatedAt: at.toISOString(), version: request.version + 1 });

export function decideReview(request: Request, by: string, approved: boolean, reason: string, at: Date): Request {
  expect(request, 'awaiting_review');
  return next(request, at, {
    status: approved ? 'awaiting_booking' : 'review_declined',
    decision: { approved, by, reason, at: at.toISOString() },
  });
}

export function makeOffer(request: Request, offerId: string, preferences: string[], at: Date): Request {
  expect(request, 'awaiting_booking', 'waitlisted');
  const { waitlistedAt: _left, ...rest } = request;
  return next(rest, at, {
    status: 'offered', offer: { id: offerId, preferences: [...preferences].sort(), offeredAt: at.toISOString(), declines: [] },
    milestones: { ...request.milestones, firstOfferedAt: request.milestones?.firstOfferedAt ?? at.toISOString() },
  });
}

export function joinWaitlist(request: Request, at: Date): Request {
  expect(request, 'awaiting_booking', 'offered');
  const { offer: _dropped, ...rest } = request;
  return next(rest, at, { status: 'waitlisted', waitlistedAt: at.toISOString() });
}

export function accept(request: Request, booking: Booking, at: Date): Request {
  expect(request, 'offered');
  if (!request.offer!.preferences.includes(booking.start)) throw new DomainError('time_unavailable');
  const { offer: _taken, ...rest } = request;
  return next(rest, at, { status: 'booked', booking, milestones: { ...request.milestones, firstBookedAt: request.milestones?.firstBookedAt ?? at.toISOString() } });
}

export function decline(request: Request, clinicianId: string, reason: string, at: Date): Request {
  expect(request, 'offered');
  const offer = request.offer!;
  const declines = [...offer.declines.filter((d) => d.clinicianId !== clinicianId), { clinicianId, reason, at: at.toISOString() }];
  return next(request, at, { offer: { ...offer, declines } });
}

export function markEscalated(request: Request, at: Date): Request {
  expect(request, 'offered');
  return next(request, at, { offer: { ...request.offer!, escalatedAt: at.toISOString() } });
}

function endBooking(request: Request, kind: BookingChange['kind'], by: string, reason: string, at: Date, status: RequestStatus): Request {
  expect(request, 'booked');
  const booking = request.booking!;
  const { booking: _ended, ...rest } = request;
  const change: BookingChange = { kind, bookingId: booking.id, clinicianId: booking.clinicianId, start: booking.start, by, reason, at: at.toISOString() };
  return next(rest, at, { status, changes: [...(request.changes ?? []), change] });
}

/** The consultation will not happen; the request is closed. */
export const cancel = (request: Request, by: string, reason: string, at: Date) => endBooking(request, 'cancelled', by, reason, at, 'cancelled');

/** The consultation moves: the time is released and the referrer picks new times. */
export const reschedule = (request: Request, by: string, reason: string, at: Date) => endBooking(request, 'rescheduled', by, reason, at, 'awaiting_booking');

/** Nobody came; recorded by the clinician once the consultation has started. */
export function noShow(request: Request, by: string, reason: string, at: Date): Request {
  if (request.status === 'booked' && at.getTime() < Date.parse(request.booking!.start)) throw new DomainError('consultation_not_started');
  return endBooking(request, 'no_show', by, reason, at, 'no_show');
}

/** The clinician records how the consultation went, once it has started: the outcome is shared as the next step, the notes are not. */
export function complete(request: Request, by: string, outcome: NonNullable<Request['completion']>['outcome'], notes: string, at: Date): Request {
  expect(request, 'booked');
  const booking = request.booking!;
  if (at.getTime() < Date.parse(booking.start)) throw new DomainError('outcome_too_early');
  return next(request, at, { status: 'completed', completion: { outcome, notes, by, at: at.toISOString(), consultationAt: booking.start } });
}

/** The clinician's latest next steps: a step the network may see, and text it may not. */
export function updateNextSteps(request: Request, by: string, step: NonNullable<Request['nextSteps']>['step'], text: string, at: Date): Request {
  expect(request, 'booked', 'completed');
  return next(request, at, { nextSteps: { step, text, by, at: at.toISOString() } });
}
