import { DomainError } from '../domain/errors';
import type { Draft } from '../domain/referral/draft';
import { journeyOf, type Journey, type StepId } from '../domain/referral/steps';
import { catalogueFor, type Actor, type AppContext } from './context';
import { loadOwnDraft } from './guard';
import type { DraftResult } from './save-step';

/** A step the referrer may open: any answered step, the first unanswered one, or the review once complete. */
function reachable(journey: Journey, draft: Draft, step: StepId): boolean {
  const firstOpen = journey.answerSteps.find((s) => !draft.answers[s]) ?? 'review';
  return journey.steps.includes(step) && journey.steps.indexOf(step) <= journey.steps.indexOf(firstOpen);
}

/** Moves a draft to another step (back, or edit from the review) without changing any answer. */
export async function goToStep(
  ctx: AppContext, actor: Actor, cmd: { service: string; draftId: string; step: StepId; version: number },
): Promise<DraftResult> {
  const draft = await loadOwnDraft(ctx, actor, cmd.service, cmd.draftId, 'draft.navigate');
  if (draft.status === 'submitted') throw new DomainError('draft_already_submitted');
  if (draft.status !== 'open') throw new DomainError('draft_not_found');
  if (draft.version !== cmd.version) return { draft, stale: true };
  if (!reachable(journeyOf(catalogueFor(ctx, cmd.service)), draft, cmd.step)) throw new DomainError('draft_incomplete');
  if (draft.step === cmd.step) return { draft, stale: false };
  const saved: Draft = { ...draft, step: cmd.step, version: draft.version + 1, updatedAt: ctx.clock.now().toISOString() };
  await ctx.store.drafts.save(saved, {
    at: saved.updatedAt, actor: actor.id, action: 'draft.navigate', subject: draft.id, result: 'ok', detail: { step: cmd.step },
  });
  return { draft: saved, stale: false };
}
