import { decline } from '../../domain/booking/transitions';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Actor, AppContext } from '../context';
import { checkReason } from '../required-text';
import { auditOk, loadRequest, requireRole } from './access';
import { notification } from '../../domain/network/notification';

/** A clinician says they cannot take this request, and why; coordinators see it on the triage card. */
export async function declineOffer(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; reason?: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  await requireRole(ctx, cmd.service, actor, 'clinician', 'booking.decline', cmd.reference);
  const reason = checkReason(cmd.reason);
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  const mine = request.offer?.declines.find((d) => d.clinicianId === actor.id);
  if (request.status === 'offered' && mine?.reason === reason) return { request, changed: false };
  const now = ctx.clock.now();
  const declined = decline(request, actor.id, reason, now);
  await ctx.store.requests.update(declined, auditOk(ctx, actor, 'booking.decline', request.reference), { notify: [notification(declined, 'declined', now)] });
  return { request: declined, changed: true };
}
