import { z } from 'zod';
import { catalogueFor } from '../../app/context';
import { networkOf, removeFollower, removeLink } from '../../app/network/manage-network';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { ConversationContext } from '../context';
import { networkMembersView, type MembersCursors } from '../views/network-members';
import { Cursor, PersonId, Ref, verb } from './verb';

/** A Teams channel or chat id as cards carry it (`19:…@thread.tacv2`, `a:…`): bounded and plain. */
const ConversationId = z.string().min(1).max(300).regex(/^[A-Za-z0-9_.:@;=-]+$/, 'not a valid conversation');

/** Where each list's page begins, as every button on the card carries it. */
const At = { linksAfter: Cursor, followersAfter: Cursor };
const at = (cmd: { linksAfter?: string | undefined; followersAfter?: string | undefined }): Partial<MembersCursors> =>
  ({ links: cmd.linksAfter, followers: cmd.followersAfter });

async function screen(cc: ConversationContext, request: ConsultationRequest, cursors: Partial<MembersCursors>, notice = '') {
  const people = [...(request.links ?? []).map((l) => l.by), ...(request.followers ?? []).map((f) => f.userId)];
  return networkMembersView(request, catalogueFor(cc.app, request.service), await cc.people.names(people), notice, cursors);
}

/** Reviewing and revoking who follows a case: its referrer, clinician and coordinators, in personal chat. */
export const NETWORK_MEMBER_VERBS = {
  'network.members': verb({
    schema: z.object({ ...Ref, ...At }),
    run: async (cc, actor, cmd) => screen(cc, await networkOf(cc.app, actor, cmd), at(cmd)),
  }),
  'network.remove_follower': verb({
    schema: z.object({ ...Ref, ...At, userId: PersonId }),
    async run(cc, actor, cmd) {
      const { request, changed } = await removeFollower(cc.app, actor, cmd);
      return screen(cc, request, at(cmd), changed ? 'They no longer follow this case.' : 'They were not following this case.');
    },
  }),
  'network.remove_link': verb({
    schema: z.object({ ...Ref, ...At, conversationId: ConversationId }),
    async run(cc, actor, cmd) {
      const { request, changed } = await removeLink(cc.app, actor, cmd);
      return screen(cc, request, at(cmd), changed ? 'Unlinked: that conversation gets no more updates, and the follows that came from it have ended.' : 'That conversation was not linked.');
    },
  }),
};
