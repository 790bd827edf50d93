import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { loadRequest } from '../booking/access';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';
import { isCaseLead } from '../network/access';

/** What a case's detail discloses, as the audit trail records it. */
export const CASE_DETAIL_FIELDS = ['reference', 'status', 'dates', 'referrer', 'answers', 'screening', 'review', 'outcome', 'notes', 'next_steps'] as const;

/**
 * One case in full, for the people who may speak for it (the referrer, its clinician, a coordinator). Every read
 * is written to the audit trail (who, which case, which fields), and so is every refusal.
 */
export async function readCase(ctx: AppContext, actor: Actor, cmd: { service: string; reference: string }): Promise<ConsultationRequest> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  if (!(await isCaseLead(ctx, request, actor))) return refuse(ctx, cmd.service, actor, 'case.read', cmd.reference, 'not_allowed');
  await ctx.store.audit.append(cmd.service, {
    at: ctx.clock.now().toISOString(), actor: actor.id, action: 'case.read', subject: request.reference, result: 'ok',
    detail: { fields: CASE_DETAIL_FIELDS.join(',') },
  });
  return request;
}
