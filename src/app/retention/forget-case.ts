import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { RequestEffects } from '../../ports/request-store';
import { escalationJobId, allReminderIds } from '../booking/jobs';
import { catalogueFor, type AppContext } from '../context';

/**
 * The clinician's time the case holds, given back with it: an episode's sessions in its therapist's calendar (and the
 * consultation, when the same clinician held it), or else the booked consultation.
 */
function heldTime(request: ConsultationRequest): Pick<RequestEffects, 'release'> {
  const { booking, episode } = request;
  const span = (s: { start: string; end: string }) => ({ start: s.start, end: s.end });
  if (episode) {
    const times = [...episode.sessions.map(span), ...(booking && booking.clinicianId === episode.therapistId ? [span(booking)] : [])];
    return { release: { clinicianId: episode.therapistId, times } };
  }
  return booking ? { release: { clinicianId: booking.clinicianId, times: [span(booking)] } } : {};
}

/**
 * Deletes a case and everything held under its reference, leaving only `tombstone` in the audit trail: the request
 * with its answers and notes, its draft, its place in every index, its jobs and the clinician's time it held (in one
 * atomic step), then the ids of the cards posted about it and its undelivered notifications. The audit trail's
 * other entries name the case only by its reference, never its details. False when there was no such case.
 */
export async function forgetCase(ctx: AppContext, request: ConsultationRequest, tombstone: AuditEntry): Promise<boolean> {
  const rules = catalogueFor(ctx, request.service).booking;
  const unschedule = [
    ...(request.booking ? allReminderIds(request.booking.id, rules) : []),
    ...(request.offer ? [escalationJobId(request.reference, request.offer.id)] : []),
  ];
  const removed = await ctx.store.requests.remove(request, tombstone, { unschedule, ...heldTime(request) });
  if (!removed) return false;
  await ctx.store.conversations.forget(`card:${request.reference}:`);
  await ctx.store.outbox.dropDead(request.service, { reference: request.reference });
  return true;
}
