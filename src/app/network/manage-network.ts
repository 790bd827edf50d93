import { isDomainError } from '../../domain/errors';
import { leftConversation, unfollow, unlink } from '../../domain/network/links';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { auditOk, loadRequest } from '../booking/access';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';
import { isCaseLead } from './access';

type Ref = { service: string; reference: string };

/** The referrer, the case's clinician or a coordinator: who may see and change who follows a case. Anyone else is refused and audited. */
async function asLead(ctx: AppContext, actor: Actor, cmd: Ref, action: string): Promise<ConsultationRequest> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  if (!(await isCaseLead(ctx, request, actor))) return refuse(ctx, cmd.service, actor, action, cmd.reference, 'not_allowed');
  return request;
}

/** Who follows a case (linked conversations and people following in personal chat), for its leads to review. */
export const networkOf = (ctx: AppContext, actor: Actor, cmd: Ref) => asLead(ctx, actor, cmd, 'network.list');

/** A lead stops someone following the case. Removing someone who no longer follows changes nothing. */
export async function removeFollower(ctx: AppContext, actor: Actor, cmd: Ref & { userId: string }): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await asLead(ctx, actor, cmd, 'network.remove_follower');
  const changed = unfollow(request, cmd.userId, ctx.clock.now());
  if (changed === request) return { request, changed: false };
  await ctx.store.requests.update(changed, auditOk(ctx, actor, 'network.remove_follower', request.reference, { follower: cmd.userId }));
  return { request: changed, changed: true };
}

/** A lead unlinks a conversation from the case; the follows that came from it end with it. */
export async function removeLink(ctx: AppContext, actor: Actor, cmd: Ref & { conversationId: string }): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await asLead(ctx, actor, cmd, 'network.unlink');
  const changed = unlink(request, cmd.conversationId, ctx.clock.now());
  if (changed === request) return { request, changed: false };
  const ended = (request.followers?.length ?? 0) - (changed.followers?.length ?? 0);
  await ctx.store.requests.update(changed, auditOk(ctx, actor, 'network.unlink', request.reference, { conversation: cmd.conversationId, follows_ended: String(ended) }));
  return { request: changed, changed: true };
}

/** Who stands for the chat platform when it reports a change of membership (no person clicked anything). */
const MEMBERSHIP: Actor = { id: 'membership' };

/** Applies a membership change to one case, reading it again if someone else saved it meanwhile; audited as `action`. */
async function onCase(
  ctx: AppContext, service: string, reference: string, change: (r: ConsultationRequest) => ConsultationRequest, action: string, detail: Record<string, string>,
): Promise<boolean> {
  for (let attempt = 0; ; attempt += 1) {
    const request = await ctx.store.requests.get(service, reference);
    if (!request) return false;
    const changed = change(request);
    if (changed === request) return false;
    try {
      await ctx.store.requests.update(changed, auditOk(ctx, MEMBERSHIP, action, reference, detail));
      return true;
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'version_conflict' || attempt >= 3) throw e;
    }
  }
}

/**
 * Someone left or was removed from a channel or group chat: every case linked there stops being followed by them
 * through it. Returns how many follows ended. Each is audited.
 */
export async function memberLeft(ctx: AppContext, cmd: { conversationId: string; teamId?: string; userId: string }): Promise<number> {
  let ended = 0;
  for (const service of ctx.catalogues.keys()) {
    const linked = await Promise.all([cmd.conversationId, ...(cmd.teamId ? [`team:${cmd.teamId}`] : [])].map((k) => ctx.store.requests.linkedTo(service, k)));
    for (const reference of new Set(linked.flat())) {
      const done = await onCase(ctx, service, reference, (r) => leftConversation(r, cmd.userId, cmd, ctx.clock.now()),
        'network.member_left', { follower: cmd.userId, conversation: cmd.conversationId });
      if (done) ended += 1;
    }
  }
  return ended;
}

/** The bot was removed from a channel or group chat: no case can be followed there any more, so each is unlinked. */
export async function conversationGone(ctx: AppContext, conversationId: string): Promise<number> {
  let unlinked = 0;
  for (const service of ctx.catalogues.keys()) {
    for (const reference of await ctx.store.requests.linkedTo(service, conversationId)) {
      const done = await onCase(ctx, service, reference, (r) => unlink(r, conversationId, ctx.clock.now()), 'network.unlink', { conversation: conversationId, why: 'bot_removed' });
      if (done) unlinked += 1;
    }
  }
  return unlinked;
}
