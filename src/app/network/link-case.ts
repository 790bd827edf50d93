import { link, unlink } from '../../domain/network/links';
import { networkWithheld } from '../../domain/network/privacy';
import { notification } from '../../domain/network/notification';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { auditOk, loadRequest } from '../booking/access';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';
import { isCaseLead } from './access';

export interface LinkCommand {
  service: string;
  reference: string;
  conversationId: string;
  kind: 'channel' | 'groupChat';
  /** A channel's team: its members can read the channel, so leaving the team ends follows that came from it. */
  teamId?: string;
  on: boolean;
}

/**
 * The referrer, the assigned clinician or a coordinator links a case to one of the network's
 * conversations (it then receives the case card and its updates), or unlinks it. Repeating changes nothing.
 */
export async function linkCase(ctx: AppContext, actor: Actor, cmd: LinkCommand): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  const action = cmd.on ? 'network.link' : 'network.unlink';
  if (!(await isCaseLead(ctx, request, actor))) return refuse(ctx, cmd.service, actor, action, cmd.reference, 'not_allowed');
  if (cmd.on && networkWithheld(request)) return refuse(ctx, cmd.service, actor, action, cmd.reference, 'network_withheld');
  const now = ctx.clock.now();
  const changed = cmd.on ? link(request, cmd.conversationId, cmd.kind, actor.id, now, cmd.teamId) : unlink(request, cmd.conversationId, now);
  if (changed === request) return { request, changed: false };
  const ended = (request.followers?.length ?? 0) - (changed.followers?.length ?? 0);
  await ctx.store.requests.update(changed, auditOk(ctx, actor, action, request.reference, {
    conversation: cmd.conversationId, kind: cmd.kind, ...(ended > 0 ? { follows_ended: String(ended) } : {}),
  }),
    cmd.on ? { notify: [notification(changed, 'linked', now, { conversationId: cmd.conversationId })] } : {});
  return { request: changed, changed: true };
}
