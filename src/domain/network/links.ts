import type { ConsultationRequest } from '../request/consultation-request';

/**
 * The network's ways of following a case: linked conversations and personal followers. Each change
 * returns the next version, or the same request when nothing changes (linking twice is one link).
 */
type Request = ConsultationRequest;

const next = (request: Request, at: Date, changes: Partial<Request>): Request =>
  ({ ...request, ...changes, updatedAt: at.toISOString(), version: request.version + 1 });

export const isLinked = (request: Request, conversationId: string) => (request.links ?? []).some((l) => l.conversationId === conversationId);
export const isFollower = (request: Request, userId: string) => (request.followers ?? []).some((f) => f.userId === userId);

export function link(request: Request, conversationId: string, kind: 'channel' | 'groupChat', by: string, at: Date, teamId?: string): Request {
  if (isLinked(request, conversationId)) return request;
  return next(request, at, { links: [...(request.links ?? []), { conversationId, kind, by, at: at.toISOString(), ...(teamId ? { teamId } : {}) }] });
}

/** How the store finds a case's linked conversations: by the conversation, and a channel also by its team (whose members read it). */
export const linkKeys = (l: { conversationId: string; teamId?: string }): string[] => [l.conversationId, ...(l.teamId ? [`team:${l.teamId}`] : [])];

/** Unlinks a conversation; the follows that came from it end with it (being in it was what allowed them). */
export function unlink(request: Request, conversationId: string, at: Date): Request {
  if (!isLinked(request, conversationId)) return request;
  return next(request, at, {
    links: (request.links ?? []).filter((l) => l.conversationId !== conversationId),
    followers: (request.followers ?? []).filter((f) => f.via !== conversationId),
  });
}

/** `via`: the linked conversation the follow came from, which it depends on. */
export function follow(request: Request, userId: string, at: Date, via?: string): Request {
  if (isFollower(request, userId)) return request;
  return next(request, at, { followers: [...(request.followers ?? []), { userId, at: at.toISOString(), ...(via ? { via } : {}) }] });
}

/**
 * A person has left (or been removed from) a conversation, or a team and so all its channels: a follow that came
 * from there ends. A follow recorded before follows said where they came from ends when they left any linked one.
 */
export function leftConversation(request: Request, userId: string, place: { conversationId: string; teamId?: string }, at: Date): Request {
  const mine = (request.followers ?? []).find((f) => f.userId === userId);
  if (!mine) return request;
  const left = (request.links ?? []).filter((l) => l.conversationId === place.conversationId || (place.teamId !== undefined && l.teamId === place.teamId));
  const fromThere = mine.via === undefined ? left.length > 0 : mine.via === place.conversationId || left.some((l) => l.conversationId === mine.via);
  return fromThere ? unfollow(request, userId, at) : request;
}

export function unfollow(request: Request, userId: string, at: Date): Request {
  if (!isFollower(request, userId)) return request;
  return next(request, at, { followers: (request.followers ?? []).filter((f) => f.userId !== userId) });
}
