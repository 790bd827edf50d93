import { joinWaitlist as join } from '../../domain/booking/transitions';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';
import { auditOk, loadRequest } from './access';
import { escalationJobId } from './jobs';

/** The referrer waits for the next time that frees up, and is offered it before anyone else. Joining twice changes nothing. */
export async function joinWaitlist(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  if (request.ownerId !== actor.id) return refuse(ctx, cmd.service, actor, 'booking.waitlist', cmd.reference, 'not_owner');
  if (request.status === 'waitlisted') return { request, changed: false };
  const waiting = join(request, ctx.clock.now());
  await ctx.store.requests.update(waiting, auditOk(ctx, actor, 'booking.waitlist', request.reference),
    request.offer ? { unschedule: [escalationJobId(request.reference, request.offer.id)] } : {});
  return { request: waiting, changed: true };
}
