import { DomainError } from '../domain/errors';
import type { ConsultationRequest } from '../domain/request/consultation-request';
import type { Actor, AppContext } from './context';
import { refuse } from './guard';

/** A request with its detail, for its referrer only (clinicians and coordinators come with the roster). */
export async function openRequest(ctx: AppContext, actor: Actor, cmd: { service: string; reference: string }): Promise<ConsultationRequest> {
  const request = await ctx.store.requests.get(cmd.service, cmd.reference);
  if (!request) throw new DomainError('request_not_found');
  if (request.ownerId !== actor.id) return refuse(ctx, cmd.service, actor, 'request.open', cmd.reference, 'not_owner');
  return request;
}
