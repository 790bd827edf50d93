import { DomainError } from '../domain/errors';
import { notification } from '../domain/network/notification';
import { withReviewRequested } from '../domain/request/request-review';
import type { ConsultationRequest } from '../domain/request/consultation-request';
import { catalogueFor, type Actor, type AppContext } from './context';
import { refuse } from './guard';

/**
 * Sends a "not recommended" request to the duty clinicians with the referrer's justification.
 * Asking again once it is waiting for review changes nothing.
 */
export async function requestReview(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; justification: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await ctx.store.requests.get(cmd.service, cmd.reference);
  if (!request) throw new DomainError('request_not_found');
  if (request.ownerId !== actor.id) return refuse(ctx, cmd.service, actor, 'request.review_requested', cmd.reference, 'not_owner');
  if (request.status === 'awaiting_review') return { request, changed: false };
  const now = ctx.clock.now().toISOString();
  const updated = withReviewRequested(request, catalogueFor(ctx, cmd.service), cmd.justification, now);
  await ctx.store.requests.update(updated, {
    at: now, actor: actor.id, action: 'request.review_requested', subject: request.reference, result: 'ok',
  }, { notify: [notification(updated, 'review_requested', new Date(now))] });
  return { request: updated, changed: true };
}
