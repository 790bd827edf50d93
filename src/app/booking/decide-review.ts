import { decideReview as decide } from '../../domain/booking/transitions';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';
import { auditOk, loadRequest, requireRole } from './access';
import { checkReason } from '../required-text';
import { notification } from '../../domain/network/notification';

/** How many of the queue one screen shows: the longest waiting. */
export const REVIEWS_SHOWN = 50;

/**
 * Coordinators' review queue: requests waiting for a duty clinician's decision, longest waiting first (from the
 * store's index of that status, so none is missed however many newer requests there are), and how many wait in all.
 */
export async function listReviews(ctx: AppContext, actor: Actor, service: string): Promise<{ requests: ConsultationRequest[]; waiting: number }> {
  await requireRole(ctx, service, actor, 'coordinator', 'review.list', service);
  const [requests, waiting] = await Promise.all([
    ctx.store.requests.listByStatus(service, 'awaiting_review', { limit: REVIEWS_SHOWN }),
    ctx.store.requests.countByStatus(service, 'awaiting_review'),
  ]);
  return { requests, waiting };
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
