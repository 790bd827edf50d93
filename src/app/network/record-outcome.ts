import { complete, updateNextSteps } from '../../domain/booking/transitions';
import { notification } from '../../domain/network/notification';
import { COMPLETION_OUTCOMES, type CompletionOutcome, type NextStep } from '../../domain/network/privacy';
import { DomainError } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { auditOk, loadRequest } from '../booking/access';
import { MAX_REASON } from '../booking/decline-offer';
import type { Actor, AppContext } from '../context';
import { refuse } from '../guard';
import { hasRole } from '../../domain/booking/roster';
import { assignedClinician } from './access';

const NEXT_BY_OUTCOME: Record<CompletionOutcome, NextStep> = {
  advice_given: 'advice_given', fass_assessment_offered: 'fass_assessment', vig_or_mbt_offered: 'vig_or_mbt',
  referred_pps: 'parental_psychology_service', signposted: 'signposted', closed: 'closed',
};

async function requireClinicianOrCoordinator(ctx: AppContext, request: ConsultationRequest, actor: Actor, action: string): Promise<void> {
  if (assignedClinician(request) === actor.id) return;
  if (hasRole(await ctx.store.roster.get(request.service, actor.id), 'coordinator')) return;
  await refuse(ctx, request.service, actor, action, request.reference, 'not_allowed');
}

function checkText(text: string | undefined, field: string, min: number): string {
  const t = (text ?? '').trim();
  if (t.length < min) throw new DomainError('invalid_input', [{ field, message: 'write a few words' }]);
  if (t.length > MAX_REASON * 4) throw new DomainError('invalid_input', [{ field, message: `keep it under ${MAX_REASON * 4} characters` }]);
  return t;
}

/**
 * The clinician records the consultation's outcome (one of the service's outcomes) and notes. The network
 * learns the outcome as the next step; the notes stay with the referrer, the clinician and coordinators.
 */
export async function recordOutcome(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; outcome?: string; notes?: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  await requireClinicianOrCoordinator(ctx, request, actor, 'consultation.complete');
  if (request.status === 'completed' && request.completion?.outcome === cmd.outcome) return { request, changed: false };
  const outcome = COMPLETION_OUTCOMES.find((o) => o === cmd.outcome);
  if (!outcome) throw new DomainError('invalid_input', [{ field: 'outcome', message: 'choose the outcome' }]);
  const notes = checkText(cmd.notes, 'notes', 3);
  const now = ctx.clock.now();
  const done = complete(request, actor.id, outcome, notes, now);
  const withStep = { ...done, nextSteps: { step: NEXT_BY_OUTCOME[outcome], text: notes, by: actor.id, at: now.toISOString() } };
  await ctx.store.requests.update(withStep, auditOk(ctx, actor, 'consultation.complete', request.reference, { outcome }), {
    notify: [notification(withStep, 'completed', now)],
  });
  return { request: withStep, changed: true };
}

/** The clinician's "next steps" update: a step the network sees, and text only the case's people see. */
export async function postNextSteps(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; step?: string; text?: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  await requireClinicianOrCoordinator(ctx, request, actor, 'consultation.next_steps');
  const step = Object.values(NEXT_BY_OUTCOME).concat(['consultation_booked']).find((s) => s === cmd.step);
  if (!step) throw new DomainError('invalid_input', [{ field: 'step', message: 'choose the next step' }]);
  const text = checkText(cmd.text, 'text', 3);
  if (request.nextSteps?.step === step && request.nextSteps.text === text) return { request, changed: false };
  const now = ctx.clock.now();
  const updated = updateNextSteps(request, actor.id, step, text, now);
  await ctx.store.requests.update(updated, auditOk(ctx, actor, 'consultation.next_steps', request.reference, { step }), {
    notify: [notification(updated, 'next_steps', now)],
  });
  return { request: updated, changed: true };
}
