import type { ConsultationRequest } from '../domain/request/consultation-request';
import type { Actor, AppContext } from './context';

/** How many of a referrer's requests are read: far more than anyone makes, since the screen shows them a page at a time. */
const MY_REQUESTS_READ = 200;

/** The referrer's own requests across every service, newest first. */
export async function listMyRequests(ctx: AppContext, actor: Actor, limit = MY_REQUESTS_READ): Promise<ConsultationRequest[]> {
  const lists = await Promise.all([...ctx.catalogues.keys()].map((service) => ctx.store.requests.listByOwner(service, actor.id, limit)));
  return lists.flat().sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)).slice(0, limit);
}
