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

export function link(request: Request, conversationId: string, kind: 'channel' | 'groupChat', by: string, at: Date): Request {
  if (isLinked(request, conversationId)) return request;
  return next(request, at, { links: [...(request.links ?? []), { conversationId, kind, by, at: at.toISOString() }] });
}

export function unlink(request: Request, conversationId: string, at: Date): Request {
  if (!isLinked(request, conversationId)) return request;
  return next(request, at, { links: (request.links ?? []).filter((l) => l.conversationId !== conversationId) });
}

export function follow(request: Request, userId: string, at: Date): Request {
  if (isFollower(request, userId)) return request;
  return next(request, at, { followers: [...(request.followers ?? []), { userId, at: at.toISOString() }] });
}

export function unfollow(request: Request, userId: string, at: Date): Request {
  if (!isFollower(request, userId)) return request;
  return next(request, at, { followers: (request.followers ?? []).filter((f) => f.userId !== userId) });
}
