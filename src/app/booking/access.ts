import { hasRole, type Role } from '../../domain/booking/roster';
import { DomainError } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';

/** Refuses (and audits) anyone who does not hold the role. */
export async function requireRole(ctx: AppContext, service: string, actor: Actor, role: Role, action: string, subject: string): Promise<void> {
  if (!hasRole(await ctx.store.roster.get(service, actor.id), role)) await refuse(ctx, service, actor, action, subject, 'not_allowed');
}

export async function loadRequest(ctx: AppContext, service: string, reference: string): Promise<ConsultationRequest> {
  const request = await ctx.store.requests.get(service, reference);
  if (!request) throw new DomainError('request_not_found');
  return request;
}

/**
 * The referrer, the booked clinician or a coordinator may change a booking; anyone else is refused
 * (and audited). Returns who is acting, in the request's terms.
 */
export async function requireBookingParty(
  ctx: AppContext, request: ConsultationRequest, actor: Actor, action: string,
): Promise<'referrer' | 'clinician' | 'coordinator'> {
  if (request.ownerId === actor.id) return 'referrer';
  if (request.booking && request.booking.clinicianId === actor.id) return 'clinician';
  if (hasRole(await ctx.store.roster.get(request.service, actor.id), 'coordinator')) return 'coordinator';
  return refuse(ctx, request.service, actor, action, request.reference, 'not_allowed');
}

export const auditOk = (ctx: AppContext, actor: Actor, action: string, subject: string, detail?: Record<string, string>) => ({
  at: ctx.clock.now().toISOString(), actor: actor.id, action, subject, result: 'ok' as const, ...(detail ? { detail } : {}),
});
