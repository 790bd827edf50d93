import type { Catalogue } from '../../domain/catalogue/catalogue';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatLondon } from '../../domain/time/london';
import type { NameOf } from './common';
import { newestFirst, PAGE_SIZE, pageInfo, pageOf, type PageInfo } from './paging';

/** One of the card's two lists, a page at a time, the most recent first, with its buttons' titles (each says which list). */
export interface MembersList<T> extends PageInfo {
  items: T[];
  moreTitle: string;
  startTitle: string;
}

export interface LinkRow { service: string; reference: string; conversationId: string; label: string; detail: string }
export interface FollowerRow { service: string; reference: string; userId: string; label: string; detail: string }
export interface MembersCursors { links: string; followers: string }

/**
 * Who follows a case, for its referrer, clinician and coordinators to review and revoke: the channels and group
 * chats it is linked to, and the people following it in personal chat (and from where), each list a page at a time
 * so that every member can be seen and revoked however many there are.
 */
export interface NetworkMembersView {
  kind: 'network-members';
  service: string;
  reference: string;
  serviceName: string;
  notice: string;
  links: MembersList<LinkRow>;
  followers: MembersList<FollowerRow>;
  /** Where each list's page begins: every button carries both, so the card comes back where it was. */
  at: MembersCursors;
}

const KIND = { channel: 'Team channel', groupChat: 'Group chat' } as const;
/** The end of a Teams conversation id, enough to tell two apart on the card without showing the whole opaque id. */
const shortId = (id: string) => (id.length > 14 ? `…${id.slice(-14)}` : id);

function list<E extends { at: string }, T>(entries: readonly E[], id: (e: E) => string, row: (e: E) => T, after: string | undefined, size: number, what: string): MembersList<T> {
  const page = pageOf(entries, (e) => `${newestFirst(e.at)}|${id(e)}`, after, size);
  return { ...pageInfo(page), items: page.items.map(row), moreTitle: `Show more ${what}`, startTitle: `Back to the most recent ${what}` };
}

export function networkMembersView(request: ConsultationRequest, catalogue: Catalogue, nameOf: NameOf, notice = '', at: Partial<MembersCursors> = {}): NetworkMembersView {
  const { service, reference } = request;
  const kindOf = new Map((request.links ?? []).map((l) => [l.conversationId, KIND[l.kind]]));
  const links = list(request.links ?? [], (l) => l.conversationId, (l) => ({
    service, reference, conversationId: l.conversationId, label: `${KIND[l.kind]} ${shortId(l.conversationId)}`,
    detail: `Linked by ${nameOf(l.by)}, ${formatLondon(l.at)}. Unlinking it also ends the follows that came from it.`,
  }), at.links, PAGE_SIZE.networkLinks, 'linked conversations');
  const followers = list(request.followers ?? [], (f) => f.userId, (f) => ({
    service, reference, userId: f.userId, label: nameOf(f.userId),
    detail: `Following since ${formatLondon(f.at)}${f.via ? `, from the ${(kindOf.get(f.via) ?? 'conversation').toLowerCase()} ${shortId(f.via)}` : ''}`,
  }), at.followers, PAGE_SIZE.networkFollowers, 'people following');
  return {
    kind: 'network-members',
    service, reference, serviceName: catalogue.name, notice, links, followers, at: { links: links.after, followers: followers.after },
  };
}
