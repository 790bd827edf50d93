import { hasRole } from '../../domain/booking/roster';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';

/** The clinician the case is with: the episode's therapist, the booked one, or the one who held the last booking or recorded the outcome. */
export const assignedClinician = (request: ConsultationRequest): string | undefined =>
  request.episode?.therapistId ?? request.booking?.clinicianId ?? request.completion?.by ?? request.changes?.at(-1)?.clinicianId;

/** The assigned clinician or a coordinator: who records a consultation's outcome and next steps. Anyone else is refused and audited. */
export async function requireClinicalLead(ctx: AppContext, request: ConsultationRequest, actor: Actor, action: string): Promise<void> {
  if (assignedClinician(request) === actor.id) return;
  if (hasRole(await ctx.store.roster.get(request.service, actor.id), 'coordinator')) return;
  await refuse(ctx, request.service, actor, action, request.reference, 'not_allowed');
}

/** The referrer, the assigned clinician, or a coordinator: the people who may speak for a case. */
export async function isCaseLead(ctx: AppContext, request: ConsultationRequest, actor: Actor): Promise<boolean> {
  if (request.ownerId === actor.id || assignedClinician(request) === actor.id) return true;
  return hasRole(await ctx.store.roster.get(request.service, actor.id), 'coordinator');
}
