import { follow, isLinked, unfollow } from '../../domain/network/links';
import { notification } from '../../domain/network/notification';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { auditOk, loadRequest } from '../booking/access';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';

/**
 * A network member follows a case in personal chat. They may only do so from a conversation the case is
 * linked to (being in it is what makes them part of the network), and only ever see the network's view.
 * Unfollowing needs no such proof. Repeating changes nothing.
 */
export async function followCase(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; on: boolean; fromConversationId?: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  const action = cmd.on ? 'network.follow' : 'network.unfollow';
  if (cmd.on && !(cmd.fromConversationId && isLinked(request, cmd.fromConversationId))) {
    return refuse(ctx, cmd.service, actor, action, cmd.reference, 'not_allowed');
  }
  const now = ctx.clock.now();
  const changed = cmd.on ? follow(request, actor.id, now, cmd.fromConversationId) : unfollow(request, actor.id, now);
  if (changed === request) return { request, changed: false };
  await ctx.store.requests.update(changed, auditOk(ctx, actor, action, request.reference),
    cmd.on ? { notify: [notification(changed, 'followed', now, { userId: actor.id })] } : {});
  return { request: changed, changed: true };
}
