import { hasRole } from '../../domain/booking/roster';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';
import { loadRequest } from './access';

/** The clinicians the case is with now: the booked one, the one who recorded the consultation, and the episode's therapist. */
const caseClinicians = (request: ConsultationRequest): (string | undefined)[] => [request.booking?.clinicianId, request.completion?.by, request.episode?.therapistId];

/** A request for one of the people allowed its detail: the referrer, the case's clinician (see above), or a coordinator. */
export async function viewRequest(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string },
): Promise<{ request: ConsultationRequest; coordinator: boolean }> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  const coordinator = hasRole(await ctx.store.roster.get(cmd.service, actor.id), 'coordinator');
  if (request.ownerId !== actor.id && !caseClinicians(request).includes(actor.id) && !coordinator) {
    return refuse(ctx, cmd.service, actor, 'request.view', cmd.reference, 'not_allowed');
  }
  return { request, coordinator };
}

/** The triage view of a request (reference, status, times): for the service's clinicians and coordinators. */
export async function viewTriage(ctx: AppContext, actor: Actor, cmd: { service: string; reference: string }): Promise<ConsultationRequest> {
  const member = await ctx.store.roster.get(cmd.service, actor.id);
  if (!hasRole(member, 'clinician') && !hasRole(member, 'coordinator')) return refuse(ctx, cmd.service, actor, 'triage.view', cmd.reference, 'not_allowed');
  return loadRequest(ctx, cmd.service, cmd.reference);
}
