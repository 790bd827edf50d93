import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { listReviews } from '../booking/decide-review';
import type { Actor, AppContext } from '../context';

/** What a coordinator reads of each request waiting for review, as the audit trail records it. */
export const REVIEW_FIELDS = ['reference', 'review_reasons', 'justification', 'help_with', 'screening'] as const;

/**
 * The coordinators' review queue with the detail a decision needs (why it was flagged, the referrer's case for it,
 * what they need help with): each request shown is a read of case detail, and audited as one.
 */
export async function reviewQueue(ctx: AppContext, actor: Actor, service: string): Promise<ConsultationRequest[]> {
  const requests = await listReviews(ctx, actor, service);
  const at = ctx.clock.now().toISOString();
  for (const r of requests) {
    await ctx.store.audit.append(service, { at, actor: actor.id, action: 'case.read', subject: r.reference, result: 'ok', detail: { fields: REVIEW_FIELDS.join(',') } });
  }
  return requests;
}
