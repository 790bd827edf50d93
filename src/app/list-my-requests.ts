import type { ConsultationRequest } from '../domain/request/consultation-request';
import type { Actor, AppContext } from './context';

/** The referrer's own requests across every service, newest first. */
export async function listMyRequests(ctx: AppContext, actor: Actor, limit = 20): Promise<ConsultationRequest[]> {
  const lists = await Promise.all([...ctx.catalogues.keys()].map((service) => ctx.store.requests.listByOwner(service, actor.id, limit)));
  return lists.flat().sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)).slice(0, limit);
}
