import { DomainError } from '../domain/errors';
import type { Draft } from '../domain/referral/draft';
import { journeyOf, nextStep, type AnswerStep } from '../domain/referral/steps';
import { validateStep } from '../domain/referral/validate-step';
import { londonDate } from '../domain/time/london';
import { catalogueFor, type Actor, type AppContext } from './context';
import { loadOwnDraft } from './guard';

export interface SaveStepCommand {
  service: string;
  draftId: string;
  step: AnswerStep;
  /** The draft version the card was drawn from. */
  version: number;
  values: unknown;
}

export interface DraftResult {
  draft: Draft;
  /** True when the card was out of date and nothing changed: the draft is shown as it stands. */
  stale: boolean;
}

/**
 * Saves one step's answers and moves the draft on (back to the review when the referrer is editing
 * from it). A card drawn from an older version changes nothing, which also makes a double click harmless.
 */
export async function saveStep(ctx: AppContext, actor: Actor, cmd: SaveStepCommand): Promise<DraftResult> {
  const draft = await loadOwnDraft(ctx, actor, cmd.service, cmd.draftId, 'draft.save_step');
  if (draft.status === 'submitted') throw new DomainError('draft_already_submitted');
  if (draft.status !== 'open') throw new DomainError('draft_not_found');
  if (draft.version !== cmd.version || draft.step !== cmd.step) return { draft, stale: true };
  const now = ctx.clock.now();
  const catalogue = catalogueFor(ctx, cmd.service);
  const value = validateStep(cmd.step, cmd.values, { catalogue, today: londonDate(now), answers: draft.answers });
  const step = draft.reachedReview ? 'review' : nextStep(journeyOf(catalogue), cmd.step);
  const saved: Draft = {
    ...draft,
    answers: { ...draft.answers, [cmd.step]: value },
    step,
    reachedReview: draft.reachedReview || step === 'review',
    version: draft.version + 1,
    updatedAt: now.toISOString(),
  };
  await ctx.store.drafts.save(saved, {
    at: saved.updatedAt, actor: actor.id, action: 'draft.save_step', subject: draft.id, result: 'ok', detail: { step: cmd.step },
  });
  return { draft: saved, stale: false };
}
