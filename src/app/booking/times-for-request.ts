import type { OfferableTime } from '../../domain/booking/free-times';
import { DomainError } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';
import { loadRequest } from './access';
import { findFreeTimes } from './find-free-times';
import { notification } from '../../domain/network/notification';
import { londonDate } from '../../domain/time/london';

const DAY_MS = 86_400_000;

/**
 * The times the referrer can choose from now. When there are none within the horizon the coordinators
 * are alerted (once a day per request) and the referrer is told so, with the waitlist to join.
 */
export async function timesForRequest(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string },
): Promise<{ request: ConsultationRequest; times: OfferableTime[] }> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  if (request.ownerId !== actor.id) return refuse(ctx, cmd.service, actor, 'booking.times', cmd.reference, 'not_owner');
  if (!['awaiting_booking', 'waitlisted'].includes(request.status)) throw new DomainError('request_moved_on');
  const times = await findFreeTimes(ctx, cmd.service);
  if (times.length === 0 && (await ctx.store.claimOnce(`no-times:${cmd.service}:${request.reference}`, DAY_MS))) {
    const now = ctx.clock.now();
    await ctx.store.outbox.append(notification(request, 'no_times', now, {}, `:${londonDate(now)}`));
  }
  return { request, times };
}
