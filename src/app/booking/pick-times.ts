import { makeOffer } from '../../domain/booking/transitions';
import { DomainError } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { catalogueFor, type Actor, type AppContext } from '../context';
import { refuse } from '../guard';
import { auditOk, loadRequest } from './access';
import { freeStartsAmong } from './find-free-times';
import { escalationJob } from './jobs';
import { notification } from '../../domain/network/notification';

/**
 * The referrer's preferred times (up to the catalogue's maximum) go to the clinicians' triage channel.
 * Each must still be free now. Sending the same choice again changes nothing.
 */
export async function pickTimes(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; starts: string[] },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const rules = catalogueFor(ctx, cmd.service).booking;
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  if (request.ownerId !== actor.id) return refuse(ctx, cmd.service, actor, 'booking.offer', cmd.reference, 'not_owner');
  const starts = [...new Set(cmd.starts)].sort();
  if (request.status === 'offered' && request.offer!.preferences.join() === starts.join()) return { request, changed: false };
  if (starts.length === 0 || starts.length > rules.maxPreferences) {
    throw new DomainError('invalid_input', [{ field: 'times', message: `choose between 1 and ${rules.maxPreferences} times` }]);
  }
  const free = await freeStartsAmong(ctx, cmd.service, starts);
  if (!starts.every((s) => free.has(s))) throw new DomainError('time_unavailable');
  const now = ctx.clock.now();
  const offered = makeOffer(request, ctx.ids.next(), starts, now);
  await ctx.store.requests.update(offered, auditOk(ctx, actor, 'booking.offer', request.reference, { times: String(starts.length) }), {
    notify: [notification(offered, 'offered', now)], schedule: [escalationJob(offered, catalogueFor(ctx, cmd.service))],
  });
  return { request: offered, changed: true };
}
