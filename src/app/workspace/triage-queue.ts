import type { Catalogue } from '../../domain/catalogue/catalogue';
import { hasRole } from '../../domain/booking/roster';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { catalogueFor, type Actor, type AppContext } from '../context';
import { refuse } from '../guard';

/** Requests that fit (or were approved) and have no clinician yet: times with the clinicians, or still to be found. */
const WAITING = new Set(['offered', 'awaiting_booking', 'waitlisted']);

/** How pressing a request is: the catalogue lists its urgencies from least to most urgent. */
export const urgencyRank = (catalogue: Catalogue, request: ConsultationRequest): number =>
  catalogue.urgencies.findIndex((u) => u.id === request.answers.details?.urgency);

/**
 * The requests waiting for a clinician, most urgent first and then the longest waiting: for the service's clinicians
 * and coordinators, who see reference, status, urgency and times (what the triage channel sees, and the urgency).
 */
export async function listTriage(ctx: AppContext, actor: Actor, service: string): Promise<ConsultationRequest[]> {
  const member = await ctx.store.roster.get(service, actor.id);
  if (!hasRole(member, 'clinician') && !hasRole(member, 'coordinator')) return refuse(ctx, service, actor, 'triage.list', service, 'not_allowed');
  const catalogue = catalogueFor(ctx, service);
  const waiting = (await ctx.store.requests.listAll(service, 20_000)).filter((r) => WAITING.has(r.status));
  return waiting.sort((a, b) => urgencyRank(catalogue, b) - urgencyRank(catalogue, a) || a.submittedAt.localeCompare(b.submittedAt));
}
