import type { ConsultationRequest } from '../domain/request/consultation-request';
import type { Actor, AppContext } from './context';

/**
 * The parts of a case's detail a request holds (each a name, never a value): what a screen showing its detail
 * discloses, as the audit of reads records it.
 */
export function detailFields(request: ConsultationRequest): string[] {
  const fields = Object.keys(request.answers).map((step) => `answers.${step}`);
  if (request.review?.justification) fields.push('review.justification');
  if (request.decision) fields.push('decision.reason');
  if (request.offer?.declines.length) fields.push('offer.declines');
  if (request.changes?.length) fields.push('changes.reason');
  if (request.completion) fields.push('completion.notes');
  if (request.nextSteps) fields.push('next_steps.text');
  return fields;
}

/**
 * Records that someone was shown a case's detail: who, which case, which fields, and through what (`via`, the
 * action or screen). Reads are audited like changes, so that an information-governance lead can answer "who has
 * seen this family's details".
 */
export async function recordRead(ctx: AppContext, actor: Actor, request: ConsultationRequest, via: string, fields = detailFields(request)): Promise<void> {
  await ctx.store.audit.append(request.service, {
    at: ctx.clock.now().toISOString(), actor: actor.id, action: 'case.read', subject: request.reference, result: 'ok',
    detail: { via, fields: fields.join(',') },
  });
}
