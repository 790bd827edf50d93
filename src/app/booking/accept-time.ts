import { coversConsultation } from '../../domain/booking/free-times';
import { accept } from '../../domain/booking/transitions';
import { DomainError, isDomainError } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { catalogueFor, type Actor, type AppContext } from '../context';
import { refuse } from '../guard';
import { auditOk, loadRequest, requireRole } from './access';
import { refuseIfBusyElsewhere } from './busy-elsewhere';
import { escalationJobId, reminderJobs } from './jobs';
import { notification } from '../../domain/network/notification';

const MINUTE = 60_000;

/** What a second look at a request says about an accept that did not go through. */
function alreadyDecided(request: ConsultationRequest, actor: Actor): { request: ConsultationRequest; changed: false } | never {
  // The same clinician clicking again (this time or another of the preferences) keeps their one booking.
  if (request.status === 'booked' && request.booking!.clinicianId === actor.id) return { request, changed: false };
  if (request.status === 'booked') throw new DomainError('slot_taken');
  throw new DomainError('request_moved_on');
}

/**
 * A clinician accepts one of the referrer's preferred times. The request and the clinician's time are
 * claimed in one atomic step: the first accept wins, a later one is told "already taken", and nobody
 * is booked into two overlapping consultations. Clicking again changes nothing.
 */
export async function acceptTime(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; start: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const rules = catalogueFor(ctx, cmd.service).booking;
  await requireRole(ctx, cmd.service, actor, 'clinician', 'booking.accept', cmd.reference);
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  // A clinician who made the request cannot also be the one who takes it.
  if (request.ownerId === actor.id) return refuse(ctx, cmd.service, actor, 'booking.accept', cmd.reference, 'own_request');
  if (request.status !== 'offered') return alreadyDecided(request, actor);
  const now = ctx.clock.now();
  const start = new Date(cmd.start);
  const end = new Date(start.getTime() + rules.consultationMinutes * MINUTE);
  if (!request.offer!.preferences.includes(cmd.start) || start <= now) throw new DomainError('time_unavailable');
  const availability = await ctx.store.availability.get(cmd.service, actor.id);
  if (!availability || !coversConsultation(availability, start, end)) {
    return refuse(ctx, cmd.service, actor, 'booking.accept', cmd.reference, 'outside_availability');
  }
  const bookingId = ctx.ids.next();
  const booking = { id: bookingId, clinicianId: actor.id, start: start.toISOString(), end: end.toISOString(),
    meetingUrl: ctx.meetingUrl(request.reference, bookingId), acceptedAt: now.toISOString() };
  const booked = accept(request, booking, now);
  // The claim below checks this service's calendar atomically; the clinician's bookings in another service are checked here.
  await refuseIfBusyElsewhere(ctx, cmd.service, actor.id, [{ start: start.getTime(), end: end.getTime() }], rules.bufferMinutes * MINUTE, now);
  try {
    await ctx.store.requests.update(booked, auditOk(ctx, actor, 'booking.accept', request.reference, { start: booking.start }), {
      claim: { clinicianId: actor.id, bufferMs: rules.bufferMinutes * MINUTE, times: [{ start: booking.start, end: booking.end }] },
      notify: [notification(booked, 'booked', now)], schedule: reminderJobs(booked, booking, rules, now),
      unschedule: [escalationJobId(request.reference, request.offer!.id)],
    });
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'version_conflict') throw e;
    return alreadyDecided(await loadRequest(ctx, cmd.service, cmd.reference), actor);
  }
  return { request: booked, changed: true };
}
