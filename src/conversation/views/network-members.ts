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
  /** What the lists leave out, the card keeping within Teams' size limit: the most recent are shown ('' when all are). */
  moreLinks: string;
  moreFollowers: string;
}

/** How many of each list the card shows: the most recent, in the order they came (each row carries a name, an id and a button). */
const LINKS_SHOWN = 6;
const FOLLOWERS_SHOWN = 8;
const latest = <T extends { at: string }>(list: readonly T[], n: number) => [...list].sort((a, b) => a.at.localeCompare(b.at)).slice(-n);

const KIND = { channel: 'Team channel', groupChat: 'Group chat' } as const;
/** The end of a Teams conversation id, enough to tell two apart on the card without showing the whole opaque id. */
const shortId = (id: string) => (id.length > 14 ? `…${id.slice(-14)}` : id);

const more = (total: number, shown: number, what: string, how: string) => (total > shown ? `The ${shown} most recent of ${total} ${what} are shown. ${how}` : '');

export function networkMembersView(request: ConsultationRequest, catalogue: Catalogue, nameOf: NameOf, notice = ''): NetworkMembersView {
  const { service, reference } = request;
  const kindOf = new Map((request.links ?? []).map((l) => [l.conversationId, KIND[l.kind]]));
  return {
    kind: 'network-members',
    service, reference, serviceName: catalogue.name, notice,
    links: latest(request.links ?? [], LINKS_SHOWN).map((l) => ({
      service, reference, conversationId: l.conversationId, label: `${KIND[l.kind]} ${shortId(l.conversationId)}`,
      detail: `Linked by ${nameOf(l.by)}, ${formatLondon(l.at)}. Unlinking it also ends the follows that came from it.`,
    })),
    followers: latest(request.followers ?? [], FOLLOWERS_SHOWN).map((f) => ({
      service, reference, userId: f.userId, label: nameOf(f.userId),
      detail: `Following since ${formatLondon(f.at)}${f.via ? `, from the ${(kindOf.get(f.via) ?? 'conversation').toLowerCase()} ${shortId(f.via)}` : ''}`,
    })),
    moreLinks: more(request.links?.length ?? 0, LINKS_SHOWN, 'linked conversations', 'In one of the others, "@Consultations unlink ' + reference + '" unlinks it.'),
    moreFollowers: more(request.followers?.length ?? 0, FOLLOWERS_SHOWN, 'people following', 'Stop some of these to see the others.'),
  };
}
