import type { Catalogue } from '../../domain/catalogue/catalogue';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatLondon } from '../../domain/time/london';
import type { NameOf } from './common';

/**
 * Who follows a case, for its referrer, clinician and coordinators to review and revoke: the channels and group
 * chats it is linked to, and the people following it in personal chat (and from where).
 */
export interface NetworkMembersView {
  kind: 'network-members';
  service: string;
  reference: string;
  serviceName: string;
  notice: string;
  links: { service: string; reference: string; conversationId: string; label: string; detail: string }[];
  followers: { service: string; reference: string; userId: string; label: string; detail: string }[];
}

const KIND = { channel: 'Team channel', groupChat: 'Group chat' } as const;
/** The end of a Teams conversation id, enough to tell two apart on the card without showing the whole opaque id. */
const shortId = (id: string) => (id.length > 14 ? `…${id.slice(-14)}` : id);

export function networkMembersView(request: ConsultationRequest, catalogue: Catalogue, nameOf: NameOf, notice = ''): NetworkMembersView {
  const { service, reference } = request;
  const kindOf = new Map((request.links ?? []).map((l) => [l.conversationId, KIND[l.kind]]));
  return {
    kind: 'network-members',
    service, reference, serviceName: catalogue.name, notice,
    links: (request.links ?? []).map((l) => ({
      service, reference, conversationId: l.conversationId, label: `${KIND[l.kind]} ${shortId(l.conversationId)}`,
      detail: `Linked by ${nameOf(l.by)}, ${formatLondon(l.at)}. Unlinking it also ends the follows that came from it.`,
    })),
    followers: (request.followers ?? []).map((f) => ({
      service, reference, userId: f.userId, label: nameOf(f.userId),
      detail: `Following since ${formatLondon(f.at)}${f.via ? `, from the ${(kindOf.get(f.via) ?? 'conversation').toLowerCase()} ${shortId(f.via)}` : ''}`,
    })),
  };
}
