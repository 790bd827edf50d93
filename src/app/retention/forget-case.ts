import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { escalationJobId, allReminderIds } from '../booking/jobs';
import { catalogueFor, type AppContext } from '../context';

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
  const removed = await ctx.store.requests.remove(request, tombstone, {
    unschedule, ...(request.booking ? { releaseTime: { clinicianId: request.booking.clinicianId, start: request.booking.start, end: request.booking.end } } : {}),
  });
  if (!removed) return false;
  await ctx.store.conversations.forget(`card:${request.reference}:`);
  await ctx.store.outbox.dropDead(request.service, { reference: request.reference });
  return true;
}
