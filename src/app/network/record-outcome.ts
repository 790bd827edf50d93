import { complete, updateNextSteps } from '../../domain/booking/transitions';
import { notification } from '../../domain/network/notification';
import { DomainError } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { auditOk, loadRequest } from '../booking/access';
import { MAX_REASON, requiredText } from '../required-text';
import { catalogueFor, type Actor, type AppContext } from '../context';
import { requireClinicalLead } from './access';

const MAX_NOTES = MAX_REASON * 4;
const checkNotes = (text: string | undefined, field: string) => requiredText(text, field, MAX_NOTES, 'write a few words');

/**
 * The clinician records the consultation's outcome (one of the service's outcomes) and notes. The network
 * learns the outcome as the next step; the notes stay with the referrer, the clinician and coordinators.
 */
export async function recordOutcome(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; outcome?: string; notes?: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  await requireClinicalLead(ctx, request, actor, 'consultation.complete');
  if (request.status === 'completed' && request.completion?.outcome === cmd.outcome) return { request, changed: false };
  const outcome = catalogueFor(ctx, cmd.service).completion.outcomes.find((o) => o.id === cmd.outcome);
  if (!outcome) throw new DomainError('invalid_input', [{ field: 'outcome', message: 'choose the outcome' }]);
  const notes = checkNotes(cmd.notes, 'notes');
  const now = ctx.clock.now();
  const done = complete(request, actor.id, outcome.id, notes, now);
  const withStep = { ...done, nextSteps: { step: outcome.nextStep, text: notes, by: actor.id, at: now.toISOString() } };
  await ctx.store.requests.update(withStep, auditOk(ctx, actor, 'consultation.complete', request.reference, { outcome: outcome.id }), {
    notify: [notification(withStep, 'completed', now)],
  });
  return { request: withStep, changed: true };
}

/** The clinician's "next steps" update: a step the network sees, and text only the case's people see. */
export async function postNextSteps(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; step?: string; text?: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  await requireClinicalLead(ctx, request, actor, 'consultation.next_steps');
  const step = catalogueFor(ctx, cmd.service).completion.nextSteps.find((s) => s.id === cmd.step)?.id;
  if (!step) throw new DomainError('invalid_input', [{ field: 'step', message: 'choose the next step' }]);
  const text = checkNotes(cmd.text, 'text');
  if (request.nextSteps?.step === step && request.nextSteps.text === text) return { request, changed: false };
  const now = ctx.clock.now();
  const updated = updateNextSteps(request, actor.id, step, text, now);
  await ctx.store.requests.update(updated, auditOk(ctx, actor, 'consultation.next_steps', request.reference, { step }), {
    notify: [notification(updated, 'next_steps', now)],
  });
  return { request: updated, changed: true };
}
