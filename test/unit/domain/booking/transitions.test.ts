import type { Booking } from '../../../../src/domain/booking/booking';
import {
  accept, cancel, decideReview, decline, joinWaitlist, makeOffer, markEscalated, noShow, reschedule,
} from '../../../../src/domain/booking/transitions';
import { DomainError } from '../../../../src/domain/errors';
import type { ConsultationRequest, RequestStatus } from '../../../../src/domain/request/consultation-request';
import { buildBooking, buildRequest } from '../../../support/builders';

const STATUSES: RequestStatus[] = [
  'cannot_proceed', 'not_recommended', 'awaiting_review', 'review_declined',
  'awaiting_booking', 'waitlisted', 'offered', 'booked', 'cancelled', 'no_show',
];
const PREFERRED = ['2026-12-08T14:00:00.000Z', '2026-12-07T10:00:00.000Z'];
const offeredAt = new Date('2026-11-24T09:00:00.000Z');
const now = new Date('2026-11-25T12:00:00.000Z');
const booking = buildBooking({ start: '2026-12-07T10:00:00.000Z', end: '2026-12-07T11:00:00.000Z' });
const afterStart = new Date('2026-12-07T10:05:00.000Z');

/** A request as it stands in each status, carrying what that status comes with (an offer, a booking). */
function requestIn(status: RequestStatus, overrides: Partial<ConsultationRequest> = {}): ConsultationRequest {
  const request = buildRequest({ reference: 'FASS-2026-0101', status, version: 4, ...overrides });
  if (status === 'offered') return { ...request, offer: { id: 'offer-1', preferences: [...PREFERRED].sort(), offeredAt: offeredAt.toISOString(), declines: [] } };
  if (status === 'booked') return { ...request, booking };
  if (status === 'waitlisted') return { ...request, waitlistedAt: offeredAt.toISOString() };
  return request;
}

/** Each step, the statuses it starts from, and the moment it happens. */
const STEPS: [string, RequestStatus[], (r: ConsultationRequest, at: Date) => ConsultationRequest, Date][] = [
  ['decideReview', ['awaiting_review'], (r, at) => decideReview(r, 'coordinator-z', true, 'fits the service', at), now],
  ['makeOffer', ['awaiting_booking', 'waitlisted'], (r, at) => makeOffer(r, 'offer-2', PREFERRED, at), now],
  ['joinWaitlist', ['awaiting_booking', 'offered'], (r, at) => joinWaitlist(r, at), now],
  ['accept', ['offered'], (r, at) => accept(r, booking, at), now],
  ['decline', ['offered'], (r, at) => decline(r, 'clinician-b', 'on leave that week', at), now],
  ['markEscalated', ['offered'], (r, at) => markEscalated(r, at), now],
  ['cancel', ['booked'], (r, at) => cancel(r, 'user-sw-1', 'family moved away', at), now],
  ['reschedule', ['booked'], (r, at) => reschedule(r, 'clinician-a', 'clinic closed', at), now],
  ['noShow', ['booked'], (r, at) => noShow(r, 'clinician-a', 'nobody joined', at), afterStart],
];

const codeOf = (step: () => unknown): string | undefined => {
  try {
    step();
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};

describe('the booking state machine', () => {
  it.each(STEPS)('%s starts only from %j and refuses every other status as moved on', (_, from, step, at) => {
    const outcomes = Object.fromEntries(STATUSES.map((status) => [status, codeOf(() => step(requestIn(status), at)) ?? 'ok']));
    expect(outcomes).toEqual(Object.fromEntries(STATUSES.map((status) => [status, from.includes(status) ? 'ok' : 'request_moved_on'])));
  });

  it.each(STEPS)('%s returns the next version and leaves the one it was given alone', (_, [from], step, at) => {
    const before = requestIn(from!);
    const snapshot = structuredClone(before);
    const after = step(before, at);
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedAt).toBe(at.toISOString());
    expect(before).toEqual(snapshot);
  });

  describe('review', () => {
    it('sends an approved request to booking and a declined one to review_declined, recording the decision', () => {
      const approved = decideReview(requestIn('awaiting_review'), 'coordinator-z', true, 'fits the service', now);
      const declined = decideReview(requestIn('awaiting_review'), 'coordinator-z', false, 'outside the service', now);
      expect(approved.status).toBe('awaiting_booking');
      expect(declined).toMatchObject({ status: 'review_declined', decision: { approved: false, by: 'coordinator-z', reason: 'outside the service', at: now.toISOString() } });
    });
  });

  describe('offers and the waitlist', () => {
    it('offers the preferred times earliest first, with no declines yet', () => {
      const offered = makeOffer(requestIn('awaiting_booking'), 'offer-2', PREFERRED, now);
      expect(offered).toMatchObject({ status: 'offered', offer: { id: 'offer-2', preferences: [PREFERRED[1], PREFERRED[0]], offeredAt: now.toISOString(), declines: [] } });
    });

    it('takes a request off the waitlist when it is offered times', () => {
      const offered = makeOffer(requestIn('waitlisted'), 'offer-2', PREFERRED, now);
      expect(offered.status).toBe('offered');
      expect(offered).not.toHaveProperty('waitlistedAt');
    });

    it('withdraws the offer when the referrer joins the waitlist instead', () => {
      const waiting = joinWaitlist(requestIn('offered'), now);
      expect(waiting).toMatchObject({ status: 'waitlisted', waitlistedAt: now.toISOString() });
      expect(waiting).not.toHaveProperty('offer');
    });

    it('marks an unanswered offer as escalated, keeping its declines', () => {
      const declined = decline(requestIn('offered'), 'clinician-b', 'on leave', now);
      const escalated = markEscalated(declined, new Date('2026-11-26T09:00:00.000Z'));
      expect(escalated.status).toBe('offered');
      expect(escalated.offer).toMatchObject({ escalatedAt: '2026-11-26T09:00:00.000Z', declines: [{ clinicianId: 'clinician-b' }] });
    });
  });

  describe('accepting', () => {
    it('books a preferred time and closes the offer', () => {
      const booked = accept(requestIn('offered'), booking, now);
      expect(booked).toMatchObject({ status: 'booked', booking });
      expect(booked).not.toHaveProperty('offer');
    });

    it('refuses a time the referrer did not prefer', () => {
      const other: Booking = { ...booking, start: '2026-12-07T11:15:00.000Z', end: '2026-12-07T12:15:00.000Z' };
      expect(codeOf(() => accept(requestIn('offered'), other, now))).toBe('time_unavailable');
    });
  });

  describe('milestones the reports measure from', () => {
    it('keep the first offer and the first booking through a reschedule and a second offer and booking', () => {
      const later = new Date('2026-12-01T09:00:00.000Z');
      const offered = makeOffer(requestIn('awaiting_booking'), 'offer-2', PREFERRED, now);
      const booked = accept(offered, booking, afterStart);
      const again = makeOffer(reschedule(booked, 'clinician-a', 'clinic closed', later), 'offer-3', PREFERRED, later);
      const rebooked = accept(again, booking, later);
      expect(offered.milestones).toEqual({ firstOfferedAt: now.toISOString() });
      expect(rebooked.milestones).toEqual({ firstOfferedAt: now.toISOString(), firstBookedAt: afterStart.toISOString() });
    });
  });

  describe('declining', () => {
    it('keeps one decline per clinician, the latest, after the others', () => {
      let request = requestIn('offered');
      request = decline(request, 'clinician-a', 'full that week', new Date('2026-11-24T10:00:00.000Z'));
      request = decline(request, 'clinician-b', 'on leave', new Date('2026-11-24T11:00:00.000Z'));
      request = decline(request, 'clinician-a', 'still full', new Date('2026-11-24T12:00:00.000Z'));
      expect(request.status).toBe('offered');
      expect(request.offer!.declines).toEqual([
        { clinicianId: 'clinician-b', reason: 'on leave', at: '2026-11-24T11:00:00.000Z' },
        { clinicianId: 'clinician-a', reason: 'still full', at: '2026-11-24T12:00:00.000Z' },
      ]);
      expect(request.offer!.preferences).toEqual([...PREFERRED].sort());
    });
  });

  describe('changes to a booking', () => {
    const earlier = { kind: 'rescheduled' as const, bookingId: 'booking-0', clinicianId: 'clinician-b', start: '2026-12-01T10:00:00.000Z', by: 'user-sw-1', reason: 'clash', at: '2026-11-20T09:00:00.000Z' };
    const record = (kind: string, by: string, reason: string, at: Date) =>
      ({ kind, bookingId: booking.id, clinicianId: booking.clinicianId, start: booking.start, by, reason, at: at.toISOString() });

    it('cancels: closes the request, drops the booking and records it after earlier changes', () => {
      const cancelled = cancel(requestIn('booked', { changes: [earlier] }), 'user-sw-1', 'family moved away', now);
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled).not.toHaveProperty('booking');
      expect(cancelled.changes).toEqual([earlier, record('cancelled', 'user-sw-1', 'family moved away', now)]);
    });

    it('reschedules: the referrer picks new times', () => {
      const moved = reschedule(requestIn('booked'), 'clinician-a', 'clinic closed', now);
      expect(moved.status).toBe('awaiting_booking');
      expect(moved).not.toHaveProperty('booking');
      expect(moved.changes).toEqual([record('rescheduled', 'clinician-a', 'clinic closed', now)]);
    });

    it('refuses a no-show before the consultation has started, and records one from its start', () => {
      expect(codeOf(() => noShow(requestIn('booked'), 'clinician-a', 'nobody joined', new Date(Date.parse(booking.start) - 1)))).toBe('consultation_not_started');
      const missed = noShow(requestIn('booked'), 'clinician-a', 'nobody joined', new Date(booking.start));
      expect(missed.status).toBe('no_show');
      expect(missed.changes).toEqual([record('no_show', 'clinician-a', 'nobody joined', new Date(booking.start))]);
    });
  });
});
