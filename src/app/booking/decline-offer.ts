import { decline } from '../../domain/booking/transitions';
import { DomainError } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Actor, AppContext } from '../context';
import { auditOk, loadRequest, requireRole } from './access';
import { notification } from '../../domain/network/notification';

export const MAX_REASON = 500;

/** Checks a reason a person gave for a change: required, and short enough for a card. */
export function checkReason(reason: string | undefined, field = 'reason'): string {
  const text = (reason ?? '').trim();
  if (text.length < 3) throw new DomainError('invalid_input', [{ field, message: 'give a short reason' }]);
  if (text.length > MAX_REASON) throw new DomainError('invalid_input', [{ field, message: `keep it under ${MAX_REASON} characters` }]);
  return text;
}

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
