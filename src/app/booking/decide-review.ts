import { decideReview as decide } from '../../domain/booking/transitions';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { catalogueFor, type Actor, type AppContext } from '../context';
import { refuse } from '../guard';
import { auditOk, loadRequest, requireRole } from './access';
import { checkReason } from '../required-text';
import { notification } from '../../domain/network/notification';
import { byUrgency } from './jobs';

/** How many waiting requests the queue reads at most: far more than ever wait for review. */
const REVIEWS_READ = 2000;

/**
 * Coordinators' review queue: requests waiting for a duty clinician's decision, urgent ones first, then the oldest;
 * from the store's index of that status, so none is missed however many newer requests there are. The cards show
 * it a page at a time.
 */
export async function listReviews(ctx: AppContext, actor: Actor, service: string): Promise<ConsultationRequest[]> {
  await requireRole(ctx, service, actor, 'coordinator', 'review.list', service);
  const waiting = await ctx.store.requests.listByStatus(service, 'awaiting_review', { limit: REVIEWS_READ });
  return waiting.sort(byUrgency(catalogueFor(ctx, service)));
}

/** A duty clinician approves a flagged request for booking, or explains why not. Deciding the same way twice changes nothing. */
export async function decideReview(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; approved: boolean; reason?: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  await requireRole(ctx, cmd.service, actor, 'coordinator', 'review.decide', cmd.reference);
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  // Criteria are guidance and a colleague decides: never the person who made the referral.
  if (request.ownerId === actor.id) return refuse(ctx, cmd.service, actor, 'review.decide', cmd.reference, 'own_request');
  if (request.decision && request.decision.approved === cmd.approved && request.status !== 'awaiting_review') return { request, changed: false };
  const reason = checkReason(cmd.reason);
  const now = ctx.clock.now();
  const decided = decide(request, actor.id, cmd.approved, reason, now);
  await ctx.store.requests.update(decided, auditOk(ctx, actor, 'review.decide', request.reference, { approved: String(cmd.approved) }), {
    notify: [notification(decided, 'reviewed', now)],
  });
  return { request: decided, changed: true };
}
